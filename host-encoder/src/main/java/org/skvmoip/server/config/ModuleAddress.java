package org.skvmoip.server.config;

/** Where a module's control port is (docs/protocol.md: TCP 7390 unless changed). */
public record ModuleAddress(String host, int port) {

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
