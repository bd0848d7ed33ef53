package org.skvmoip.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skvmoip.client.ui.ClientApp;

import picocli.CommandLine;

class ClientMainTest {

    private static ClientApp.Options parse(String stdin, Map<String, String> env, String... args) throws Exception {
        ClientMain main = new ClientMain(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env);
        new CommandLine(main).parseArgs(args);
        return main.options();
    }

    @Test
    void theDemoStartsItLoggedInWithThePasswordOnStandardInputAndAMachineOpen() throws Exception {
        ClientApp.Options options = parse("s3cret pass\nignored\n", Map.of(), "--server", "https://127.0.0.1:8443",
                "--user", "admin", "--password-stdin", "--machine", "web-01");

        assertThat(options.server()).isEqualTo("https://127.0.0.1:8443");
        assertThat(options.user()).isEqualTo("admin");
        assertThat(options.password()).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("s3cret pass"));
        assertThat(options.machine()).contains("web-01");
        assertThat(options.decoder()).isEqualTo("auto");
    }

    @Test
    void withoutStandardInputThePasswordComesFromTheEnvironmentOrTheLoginView() throws Exception {
        assertThat(parse("", Map.of(ClientMain.PASSWORD_ENV, "from-env"), "--user", "admin").password())
                .hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from-env"));
        assertThat(parse("", Map.of(), "--user", "admin").password()).isEmpty();
    }

    @Test
    void anUnknownDecoderIsRefusedNamingTheChoicesBeforeAnyWindowOpens() {
        StringWriter err = new StringWriter();
        ClientMain main = new ClientMain(new ByteArrayInputStream(new byte[0]), Map.of());
        int exit = new CommandLine(main).setErr(new PrintWriter(err)).execute("--decoder", "quantum");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("unknown video decoder 'quantum'").contains("software");
    }

    @Test
    void standardInputThatEndsBeforeThePasswordIsAnError() {
        StringWriter err = new StringWriter();
        ClientMain main = new ClientMain(new ByteArrayInputStream(new byte[0]), Map.of());
        int exit = new CommandLine(main).setErr(new PrintWriter(err)).execute("--password-stdin");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("standard input ended before a password line");
    }
}
