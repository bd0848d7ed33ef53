package org.skvmoip.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.server.tls.ServerCertificate;

import picocli.CommandLine;

/** {@code skvm-server new-key}: the one way a generated certificate gets a new key. */
class NewKeyCommandTest {

    @TempDir
    Path dir;

    @Test
    void newKeyReplacesTheGeneratedKey_andTheServersNextStartUsesIt() throws Exception {
        Path data = dir.resolve("data");
        Path inventory = Files.writeString(dir.resolve("rack.yaml"), "server:\n  data-dir: data\n");
        String old = ServerCertificate.selfSigned(data, Clock.systemUTC()).sha256Fingerprint();

        int exit = new CommandLine(new ServerMain()).execute("new-key", "--config", inventory.toString());

        String next = ServerCertificate.selfSigned(data, Clock.systemUTC()).sha256Fingerprint();
        assertThat(exit).isZero();
        assertThat(next).isNotEqualTo(old);
    }

    @Test
    void anOperatorsOwnCertificateIsNotTouched() throws Exception {
        Path own = dir.resolve("own");
        ServerCertificate.selfSigned(own, Clock.systemUTC());
        Path inventory = Files.writeString(dir.resolve("rack.yaml"), "server:\n  certificate: own/cert.pem\n"
                + "  private-key: own/key.pem\n  data-dir: data\n");
        byte[] key = Files.readAllBytes(own.resolve("key.pem"));
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ServerMain());
        command.setErr(new PrintWriter(err));

        int exit = command.execute("new-key", "--config", inventory.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Files.readAllBytes(own.resolve("key.pem"))).isEqualTo(key);
        assertThat(dir.resolve("data/key.pem")).doesNotExist();
    }
}
