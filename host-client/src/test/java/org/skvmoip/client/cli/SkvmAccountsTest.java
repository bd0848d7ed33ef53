package org.skvmoip.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.rack.RackExtension;
import org.skvmoip.client.rack.RackUsers;
import org.skvmoip.client.trust.KnownServers;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.machine.PowerState;

/**
 * {@code skvm} for users of each role against the real server: what a role may not do is refused
 * with the server's sentence and exit code 7; a user sees only the machines granted; a session
 * the server ended is reported with its reason and exit code 2.
 */
@ExtendWith(RackExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SkvmAccountsTest {

    static ServerRig rig;
    @TempDir
    Path config;
    String server;

    @BeforeAll
    static void rack(ServerRig sharedRig) throws Exception {
        rig = sharedRig;
        RackUsers.add(rig, "watcher", Role.VIEWER, "sim-1");
        RackUsers.add(rig, "evicted", Role.OPERATOR, "*");
    }

    @BeforeEach
    void trustTheServer() throws Exception {
        server = "https://127.0.0.1:" + rig.server.port();
        new KnownServers(config.resolve("known_servers")).pin("127.0.0.1:" + rig.server.port(),
                rig.server.certificate().sha256Fingerprint());
    }

    private Skvm as(String user) {
        return new Skvm(config).env("SKVM_SERVER", server).env("SKVM_USER", user)
                .env("SKVM_PASSWORD", ServerRig.PASSWORD);
    }

    @Test
    void aViewersPowerIsRefusedWithTheServersSentenceAndExitCode7() {
        PowerState before = rig.modules.get(1).target().state();

        Skvm.Result result = as("watcher").run("power", "sim-1", "click");

        assertThat(result.code()).as(result.toString()).isEqualTo(7);
        assertThat(result.err()).startsWith("skvm: watcher is a viewer of 'sim-1': ").contains("needs operator or admin");
        assertThat(rig.modules.get(1).target().state()).as("the machine's power state").isEqualTo(before);
    }

    @Test
    void aViewersTypingIsRefusedToo() {
        Skvm.Result result = as("watcher").run("type", "sim-1", "reboot");

        assertThat(result.code()).as(result.toString()).isEqualTo(7);
        assertThat(result.err()).contains("watcher is a viewer");
    }

    @Test
    void aViewerSeesOnlyTheMachinesGrantedAndThatTheyMayOnlyWatch() {
        Skvm.Result result = as("watcher").run("machines");

        assertThat(result.code()).as(result.toString()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("sim-1 ").endsWith(" view");
    }

    @Test
    void anUngrantedMachineIsUnknownToAViewer() {
        Skvm.Result result = as("watcher").run("snapshot", "sim-0", "-");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
    }

    @Test
    void aSavedSessionEndedBySeventeenLoginsSaysWhyAndExitsWithTheAuthenticationCode() throws Exception {
        Skvm.Result login = as("evicted").run("login");
        assertThat(login.code()).as(login.toString()).isZero();
        for (int i = 0; i < 16; i++) {
            assertThat(rig.post("/api/login", null, "{\"user\":\"evicted\",\"password\":\"" + ServerRig.PASSWORD
                    + "\"}").statusCode()).isEqualTo(200);
        }

        Skvm.Result result = as("evicted").env("SKVM_PASSWORD", null).run("machines");

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("has ended").contains("signed in 17 times")
                .contains("(run skvm login");
    }
}
