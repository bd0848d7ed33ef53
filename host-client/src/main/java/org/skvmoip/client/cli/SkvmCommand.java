package org.skvmoip.client.cli;

import java.nio.file.Path;

import org.skvmoip.client.config.ConfigDirectory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code skvm}: the global options; each subcommand does one thing. */
@Command(name = "skvm", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = SkvmVersion.class,
        description = "Controls the machines of an SKVMOIP server from the command line.",
        subcommands = {MachinesCommand.class, PowerCommand.class, TypeCommand.class, KeyCommand.class,
            SnapshotCommand.class, LoginCommand.class, LogoutCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  SKVM_SERVER      the server, when --server is not given",
            "  SKVM_USER        the user, when --user is not given",
            "  SKVM_PASSWORD    the password; else --password-stdin, or a prompt",
            "  SKVM_CONFIG_DIR  known_servers and the saved session; ~/.config/skvmoip",
            "",
            "After 'skvm login' other commands use the saved session and need no password.",
            "docs/cli.md has examples."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {})
final class SkvmCommand {

    final CliContext context;

    @Option(names = {"-s", "--server"}, paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "the server, https://host:port (port 8443 when left out)")
    String server;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME", scope = ScopeType.INHERIT, description = "the user name")
    String user;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT,
            description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--otp", paramLabel = "CODE", scope = ScopeType.INHERIT,
            description = "the second factor's code (6 digits from the authenticator app, or a recovery code)"
                    + " for a user who has one; at a terminal it is asked for when needed")
    String otp;

    @Option(names = "--accept-new", scope = ScopeType.INHERIT,
            description = "trust a server met for the first time without asking (never a changed certificate)")
    boolean acceptNew;

    @Option(names = "--ca-cert", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "trust the server certificates this PEM file vouches for (the server's own certificate,"
                    + " or its CA) instead of the known servers")
    Path caCert;

    @Option(names = "--config-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "where the known servers and the saved session are kept (default ~/.config/skvmoip)")
    Path configDir;

    @Option(names = "--known-servers", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "the file of trusted server certificates (default known_servers in the config directory)")
    Path knownServers;

    SkvmCommand(CliContext context) {
        this.context = context;
    }

    Path configDirectory() {
        return configDir != null ? configDir : ConfigDirectory.resolve(context.env());
    }

    Path knownServersFile() {
        return knownServers != null ? knownServers : configDirectory().resolve(ConfigDirectory.KNOWN_SERVERS);
    }

    Path tokenFile() {
        return configDirectory().resolve(ConfigDirectory.TOKEN);
    }
}
