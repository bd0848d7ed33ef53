package org.skvmoip.client.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.api.ServerAddress;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.rack.ReplacedServer;
import org.skvmoip.server.testrig.ServerRig;

/** Certificates pinned on first use against real servers, and a server replaced at the same address. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FirstUseTrustTest {

    @TempDir
    Path dir;
    ReplacedServer server;
    KnownServers known;
    final List<UnknownServer> asked = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = ReplacedServer.start(dir.resolve("servers"));
        known = new KnownServers(dir.resolve("config/known_servers"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private ServerConnection connect(FirstUseDecision decision) {
        return new ServerConnection(ServerAddress.parse(server.url()), ServerTrust.pinned(known, server1 -> {
            asked.add(server1);
            return decision.trust(server1);
        }));
    }

    private static void logIn(ServerConnection connection) throws ClientException {
        connection.login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());
    }

    @Test
    void theFirstConnectionAsksAndStoresTheFingerprintTheNextOnesDoNotAsk() throws Exception {
        logIn(connect(FirstUseDecision.ACCEPT));

        assertThat(asked).hasSize(1);
        UnknownServer first = asked.get(0);
        assertThat(first.fingerprint()).isEqualTo(server.fingerprint());
        assertThat(first.hostPort()).isEqualTo("127.0.0.1:" + server.rig().server.port());
        assertThat(first.knownServersFile()).isEqualTo(known.file());
        assertThat(known.fingerprint(first.hostPort())).hasValue(server.fingerprint());
        assertThat(Files.readString(server.auditLog())).as("what a login that reached the server leaves")
                .contains("\"login\"");

        logIn(connect(FirstUseDecision.REFUSE));
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRefusedServerIsNotStoredAndNothingIsSentToIt() throws Exception {
        assertThatThrownBy(() -> logIn(connect(FirstUseDecision.REFUSE)))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ClientException.Kind.UNTRUSTED);
                    assertThat(e.getMessage()).contains(server.fingerprint()).contains("not known yet");
                });

        assertThat(Files.exists(known.file())).isFalse();
        assertThat(Files.readString(server.auditLog())).doesNotContain("\"login\"");
    }

    @Test
    void anotherCertificateAtThePinnedAddressFailsTheHandshakeWithAWarning() throws Exception {
        logIn(connect(FirstUseDecision.ACCEPT));
        server.replace();
        asked.clear();

        assertThatThrownBy(() -> logIn(connect(FirstUseDecision.ACCEPT)))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ClientException.Kind.UNTRUSTED);
                    assertThat(e.getMessage()).contains("has CHANGED").contains(server.originalFingerprint())
                            .contains(server.fingerprint()).contains(known.file().toString());
                });
        assertThat(asked).as("a changed certificate is never offered for acceptance").isEmpty();
        assertThat(known.fingerprint("127.0.0.1:" + server.rig().server.port())).hasValue(server.originalFingerprint());
        // The handshake failed: the login request, password and all, never reached the replacement.
        assertThat(Files.readString(server.auditLog())).doesNotContain("\"login\"");
    }

    @Test
    void aGivenCertificateIsTrustedAndNoOtherOne() throws Exception {
        ServerTrust original = ServerTrust.certificateAuthority(server.rig().server.certificateFile());
        logIn(new ServerConnection(ServerAddress.parse(server.url()), original));
        server.replace();

        assertThatThrownBy(() -> logIn(new ServerConnection(ServerAddress.parse(server.url()), original)))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.UNTRUSTED));
    }

    @Test
    void aRenewedCertificateKeepsItsKey_soThePinnedClientConnectsWithoutAWarning() throws Exception {
        logIn(connect(FirstUseDecision.ACCEPT));
        java.security.cert.X509Certificate before = server.rig().server.certificate().certificate();
        server.renewCertificate();
        asked.clear();

        assertThat(server.rig().server.certificate().certificate().getNotAfter()).isAfter(before.getNotAfter());
        logIn(connect(FirstUseDecision.REFUSE));
        assertThat(asked).as("a renewal is not a new server").isEmpty();
        assertThat(server.fingerprint()).isEqualTo(server.originalFingerprint());
    }

    @Test
    void aCertificatePinOfAnOlderFileStillHolds_andBecomesTheKeysPin() throws Exception {
        String hostPort = "127.0.0.1:" + server.rig().server.port();
        String certificatePin = Fingerprints.certificateSha256(server.rig().server.certificate().certificate());
        Files.createDirectories(known.file().getParent());
        Files.writeString(known.file(), "# written by an older client\n" + hostPort + " " + certificatePin + "\n");

        logIn(connect(FirstUseDecision.REFUSE));

        assertThat(asked).isEmpty();
        assertThat(Files.readString(known.file())).isEqualTo("# written by an older client\n" + hostPort + " "
                + KnownServers.KEY_PIN + " " + server.fingerprint() + "\n");
        server.renewCertificate();
        logIn(connect(FirstUseDecision.REFUSE));
        assertThat(asked).isEmpty();
    }

    @Test
    void aCertificatePinOfAnOlderFileRefusesAnotherCertificate() throws Exception {
        String hostPort = "127.0.0.1:" + server.rig().server.port();
        String otherPin = "AB:".repeat(31) + "AB";
        Files.createDirectories(known.file().getParent());
        Files.writeString(known.file(), hostPort + " " + otherPin + "\n");

        assertThatThrownBy(() -> logIn(connect(FirstUseDecision.ACCEPT)))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ClientException.Kind.UNTRUSTED);
                    assertThat(e.getMessage()).contains("has CHANGED").contains(otherPin);
                });
        assertThat(Files.readString(known.file())).isEqualTo(hostPort + " " + otherPin + "\n");
    }
}
