package org.skvmoip.client.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; a build from source says so. */
final class SkvmVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SkvmVersion.class.getPackage().getImplementationVersion();
        return new String[] {"skvm (SKVMOIP command-line client) " + (version == null ? "development build" : version)};
    }
}
