package org.skvmoip.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.rack.RackExtension;
import org.skvmoip.client.trust.KnownServers;
import org.skvmoip.server.testrig.ServerRig;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code skvm login}, the saved session other commands use, logging in again when it ended, {@code skvm logout}. */
@ExtendWith(RackExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SkvmSessionTest {

    static ServerRig rig;
    @TempDir
    Path config;
    String server;

    @BeforeAll
    static void rack(ServerRig sharedRig) {
        rig = sharedRig;
    }

    @BeforeEach
    void trustTheServer() throws Exception {
        server = "https://127.0.0.1:" + rig.server.port();
        new KnownServers(config.resolve("known_servers")).pin("127.0.0.1:" + rig.server.port(),
                rig.server.certificate().sha256Fingerprint());
    }

    private Skvm skvm() {
        return new Skvm(config);
    }

    private Skvm.Result login() {
        return skvm().stdin(ServerRig.PASSWORD + "\n").run("login", "--server", server, "--user", ServerRig.USER,
                "--password-stdin");
    }

    private String savedToken() throws Exception {
        return new ObjectMapper().readTree(config.resolve("token").toFile()).get("token").asText();
    }

    @Test
    void afterLoginCommandsNeedNeitherServerUserNorPassword() throws Exception {
        Skvm.Result login = login();

        assertThat(login.code()).as(login.toString()).isZero();
        assertThat(login.out()).startsWith("logged in to " + server + " as " + ServerRig.USER);
        Path token = config.resolve("token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(Files.readString(token)).doesNotContain(ServerRig.PASSWORD);

        Skvm.Result machines = skvm().run("machines");
        assertThat(machines.code()).as(machines.toString()).isZero();
        assertThat(machines.out()).contains("sim-0");
    }

    @Test
    void atATerminalLoginAsksForThePassword() {
        ScriptedPerson person = new ScriptedPerson(ServerRig.PASSWORD, false);

        Skvm.Result result = skvm().terminal(person).run("login", "--server", server, "--user", ServerRig.USER);

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(person.prompts).containsExactly("Password for " + ServerRig.USER + " at " + server + ": ");
    }

    @Test
    void logoutEndsTheSessionOnTheServerAndForgetsIt() throws Exception {
        login();
        String token = savedToken();

        Skvm.Result logout = skvm().run("logout");

        assertThat(logout.code()).as(logout.toString()).isZero();
        assertThat(config.resolve("token")).doesNotExist();
        assertThat(rig.get("/api/machines", token).statusCode()).as("the token after logout").isEqualTo(401);
        Skvm.Result machines = skvm().run("machines", "--server", server, "--user", ServerRig.USER);
        assertThat(machines.code()).as(machines.toString()).isEqualTo(2);
        assertThat(machines.err()).contains("not logged in");
    }

    @Test
    void anEndedSessionIsRenewedWhenAPasswordIsAtHand() throws Exception {
        login();
        String ended = savedToken();
        rig.post("/api/logout", ended, "");

        Skvm.Result withoutPassword = skvm().run("machines");
        Skvm.Result withPassword = skvm().env("SKVM_PASSWORD", ServerRig.PASSWORD).run("machines");

        assertThat(withoutPassword.code()).as(withoutPassword.toString()).isEqualTo(2);
        assertThat(withoutPassword.err()).contains("has ended: ").contains("(run skvm login");
        assertThat(withPassword.code()).as(withPassword.toString()).isZero();
        assertThat(savedToken()).isNotEqualTo(ended);
    }

    @Test
    void aTokenFileOthersCanReadIsRefused() throws Exception {
        login();
        Files.setPosixFilePermissions(config.resolve("token"), PosixFilePermissions.fromString("rw-r--r--"));

        Skvm.Result result = skvm().run("machines");

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("group or others may access it").contains("chmod 600");
    }

    @Test
    void theSavedTokenIsNeverSentToAnotherServer() throws Exception {
        login();

        Skvm.Result result = skvm().run("machines", "--server", "https://127.0.0.2:" + rig.server.port());

        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("no user given");
    }
}
