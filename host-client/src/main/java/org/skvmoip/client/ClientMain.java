package org.skvmoip.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.skvmoip.client.config.ConfigDirectory;
import org.skvmoip.client.trust.KnownServers;
import org.skvmoip.client.trust.ServerTrust;
import org.skvmoip.client.ui.ClientApp;
import org.skvmoip.client.ui.TrustDialogs;
import org.skvmoip.client.video.HardwareDecoding;

import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the desktop client. With {@code --server}, {@code --user} and a password (from
 * {@code --password-stdin} or the environment variable {@code SKVM_PASSWORD}) it logs in at
 * once; with {@code --machine} it also opens that machine.
 */
@Command(name = "skvm-client", mixinStandardHelpOptions = true, version = "SKVMOIP client 0.1",
        description = "The SKVMOIP desktop client: see every machine, open one, use its keyboard and mouse.")
public final class ClientMain implements Callable<Integer> {

    /** The environment variable a password may come from (a demo, a script that starts the client). */
    public static final String PASSWORD_ENV = "SKVM_PASSWORD";

    @Option(names = "--server", paramLabel = "URL", description = "The server, e.g. https://kvm.example:8443.")
    String server;

    @Option(names = "--user", paramLabel = "NAME", description = "The user name.")
    String user;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input"
            + " (otherwise from $" + PASSWORD_ENV + ", or typed into the login view).")
    boolean passwordStdin;

    @Option(names = "--machine", paramLabel = "NAME", description = "Open this machine once logged in.")
    String machine;

    @Option(names = "--decoder", paramLabel = "NAME", defaultValue = HardwareDecoding.AUTO,
            description = "Video decoder: auto (a hardware decoder when one opens, else software), software, cuda,"
                    + " vaapi, d3d11va, dxva2 or videotoolbox. Default: ${DEFAULT-VALUE}.")
    String decoder;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "Trust the server certificates this PEM file"
            + " vouches for (a CA, or the server's own certificate) instead of pinning on first use.")
    Path caCert;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;
    private final Map<String, String> env;

    public ClientMain() {
        this(System.in, System.getenv());
    }

    /** With the standard input and environment given (tests). */
    ClientMain(InputStream stdin, Map<String, String> env) {
        this.stdin = stdin;
        this.env = env;
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new ClientMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws IOException {
        ClientApp.Options options = options();
        ServerTrust authority = caCert == null ? null : ServerTrust.certificateAuthority(caCert);
        KnownServers known = new KnownServers(ConfigDirectory.resolve(env).resolve(ConfigDirectory.KNOWN_SERVERS));
        Platform.startup(() -> new ClientApp(new Stage(), options,
                owner -> authority != null ? authority : ServerTrust.pinned(known, TrustDialogs.firstUse(owner)))
                .start());
        return 0;
    }

    /** What the command line asks for; an unknown decoder fails here, naming the choices, before a window opens. */
    ClientApp.Options options() throws IOException {
        try {
            HardwareDecoding.deviceTypes(decoder);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--decoder: " + e.getMessage());
        }
        return new ClientApp.Options(server, user, password(), Optional.ofNullable(machine), decoder);
    }

    private Optional<char[]> password() throws IOException {
        if (passwordStdin) {
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--password-stdin: standard input ended before a password line");
            }
            return Optional.of(line.toCharArray());
        }
        String fromEnv = env.get(PASSWORD_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? Optional.empty() : Optional.of(fromEnv.toCharArray());
    }
}
