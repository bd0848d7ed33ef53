package org.skvmoip.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.rack.ReplacedServer;
import org.skvmoip.server.testrig.ServerRig;

/** What {@code skvm} does with a server it does not know, one whose certificate changed, and throttled logins. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SkvmTrustTest {

    @TempDir
    Path dir;
    ReplacedServer server;
    Skvm skvm;

    @BeforeEach
    void start() throws Exception {
        server = ReplacedServer.start(dir.resolve("servers"));
        skvm = new Skvm(dir.resolve("config")).env("SKVM_SERVER", server.url()).env("SKVM_USER", ServerRig.USER)
                .env("SKVM_PASSWORD", ServerRig.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUnknownServerIsRefusedInAScriptUntilAcceptedOnce() throws Exception {
        Skvm.Result refused = skvm.run("machines");
        Skvm.Result accepted = skvm.run("machines", "--accept-new");
        Skvm.Result later = skvm.run("machines");

        assertThat(refused.code()).as(refused.toString()).isEqualTo(5);
        assertThat(refused.err()).contains("is not known yet").contains(server.fingerprint()).contains("--accept-new");
        assertThat(accepted.code()).as(accepted.toString()).isZero();
        assertThat(accepted.err()).contains("trusting 127.0.0.1:").contains(server.fingerprint());
        assertThat(Files.readString(dir.resolve("config/known_servers"))).contains(server.fingerprint());
        assertThat(later.code()).as(later.toString()).isZero();
        assertThat(later.err()).isEmpty();
    }

    @Test
    void atATerminalThePersonIsShownTheFingerprintAndDecides() throws Exception {
        Skvm.Result no = skvm.terminal(new ScriptedPerson(ServerRig.PASSWORD, false)).run("machines");
        Skvm.Result yes = skvm.terminal(new ScriptedPerson(ServerRig.PASSWORD, true)).run("machines");

        assertThat(no.code()).as(no.toString()).isEqualTo(5);
        assertThat(no.err()).contains("is not known yet. Its public key's SHA-256 fingerprint is\n  "
                + server.fingerprint());
        assertThat(yes.code()).as(yes.toString()).isZero();
        assertThat(Files.readString(dir.resolve("config/known_servers"))).contains(server.fingerprint());
    }

    @Test
    void aChangedCertificateExitsWith5AndAWarningNamingBothFingerprintsAndTheFile() throws Exception {
        skvm.run("machines", "--accept-new");
        server.replace();

        Skvm.Result result = skvm.run("machines", "--accept-new");

        assertThat(result.code()).as(result.toString()).isEqualTo(5);
        assertThat(result.err()).startsWith("skvm: WARNING: the certificate of 127.0.0.1:")
                .contains("has CHANGED").contains(server.originalFingerprint()).contains(server.fingerprint())
                .contains(dir.resolve("config/known_servers").toString());
    }

    @Test
    void theServersOwnCertificateCanBeGivenInstead() {
        Skvm.Result result = skvm.run("machines", "--ca-cert", server.rig().server.certificateFile().toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(dir.resolve("config/known_servers")).doesNotExist();
    }

    @Test
    void throttledLoginsExitWith2() {
        skvm.env("SKVM_PASSWORD", "guess").args("--accept-new");
        Skvm.Result result = skvm.run("machines");
        for (int i = 0; i < 5 && !result.err().contains("too many failed logins"); i++) {
            result = skvm.run("machines");
        }

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("too many failed logins");
    }
}
