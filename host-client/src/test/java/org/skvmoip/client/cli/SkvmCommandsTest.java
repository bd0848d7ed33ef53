package org.skvmoip.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.rack.RackExtension;
import org.skvmoip.client.rack.Waits;
import org.skvmoip.client.trust.KnownServers;
import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.machine.PowerState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code skvm} as a script uses it, against the real server and a simulated rack: output and exit codes. */
@ExtendWith(RackExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SkvmCommandsTest {

    static ServerRig rig;
    @TempDir
    Path config;
    Skvm skvm;

    @BeforeAll
    static void rack(ServerRig sharedRig) throws Exception {
        rig = sharedRig;
        Waits.online(rig, 0);
    }

    /** A script's usual setup: server, user and password in the environment; the server already trusted. */
    @BeforeEach
    void logInFromTheEnvironment() throws Exception {
        new KnownServers(config.resolve("known_servers")).pin("127.0.0.1:" + rig.server.port(),
                rig.server.certificate().sha256Fingerprint());
        skvm = new Skvm(config).env("SKVM_SERVER", "https://127.0.0.1:" + rig.server.port())
                .env("SKVM_USER", ServerRig.USER).env("SKVM_PASSWORD", ServerRig.PASSWORD);
    }

    @Test
    void machinesPrintsATableOfEveryMachine() {
        Skvm.Result result = skvm.run("machines");

        assertThat(result.code()).as(result.toString()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).matches("NAME +ONLINE +POWER +HDD +VIEWERS +CONTROLLER +ACCESS");
        assertThat(lines[1]).matches("sim-0 +yes +(on|off) +\\d+% +\\d+ +\\S+ +control");
        assertThat(lines[3]).matches(RackExtension.VIDEO_ONLY + " +- +- +- +\\d+ +- +control");
    }

    @Test
    void machinesJsonHasTheApisFields() throws Exception {
        Skvm.Result result = skvm.run("machines", "--json");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode machines = new ObjectMapper().readTree(result.out());
        assertThat(machines.get(0).get("name").asText()).isEqualTo("sim-0");
        assertThat(machines.get(0).get("online").asBoolean()).isTrue();
        assertThat(machines.get(2).get("module").asBoolean()).isFalse();
    }

    @Test
    void powerOnStartsTheMachine() {
        Skvm.Result result = skvm.run("power", "sim-0", "on");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("sim-0: ");
        assertThat(rig.modules.get(0).target().state()).isNotEqualTo(PowerState.OFF);
    }

    @Test
    void textFromStandardInputIsTypedOnTheMachine() throws Exception {
        skvm.run("power", "sim-0", "on");
        Waits.running(rig, 0);

        Skvm.Result result = skvm.stdin("\necho from-a-pipe\n").run("type", "sim-0", "-");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("sim-0: typed 18 characters\n");
        awaitConsole("> echo from-a-pipe");
    }

    @Test
    void enterIsPressedAfterTheTextWhenAsked() throws Exception {
        skvm.run("power", "sim-0", "on");
        Waits.running(rig, 0);

        Skvm.Result result = skvm.run("type", "sim-0", "--enter", "echo entered");

        assertThat(result.code()).as(result.toString()).isZero();
        awaitConsole("echo entered\n>");
    }

    @Test
    void keyCombosArePressedInOrder() throws Exception {
        skvm.run("power", "sim-0", "on");
        Waits.running(rig, 0);
        skvm.run("type", "sim-0", "\n");

        Skvm.Result result = skvm.run("key", "sim-0", "shift+k", "shift+o", "enter");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("sim-0: pressed shift+k\n");
        awaitConsole("> KO\n");
    }

    @Test
    void aSnapshotIsSavedInTheFormatOfItsFileName() throws Exception {
        Path png = config.resolve("screen.png");

        Skvm.Result result = skvm.run("snapshot", "sim-0", png.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        BufferedImage picture = ImageIO.read(png.toFile());
        assertThat(picture.getWidth()).isEqualTo(1024);
        assertThat(picture.getHeight()).isEqualTo(768);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void anUnknownMachineExitsWith3AndTheServersSentence() {
        Skvm.Result result = skvm.run("power", "no-such-machine", "on");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("skvm: no machine named 'no-such-machine'; GET /api/machines lists them\n");
    }

    @Test
    void aWrongPasswordExitsWith2() {
        Skvm.Result result = skvm.env("SKVM_PASSWORD", "not the password").run("machines");

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("skvm: wrong user name or password\n");
    }

    @Test
    void noPasswordAndNoSessionExitsWith2SayingHowToLogIn() {
        Skvm.Result result = skvm.env("SKVM_PASSWORD", null).run("machines");

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("not logged in").contains("skvm login");
    }

    @Test
    void aMachineWithoutModuleExitsWith4() {
        Skvm.Result result = skvm.run("power", RackExtension.VIDEO_ONLY, "reset");

        assertThat(result.code()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).startsWith("skvm: ").doesNotContain("Exception");
    }

    @Test
    void aServerThatIsDownExitsWith5() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Skvm.Result result = skvm.run("machines", "--server", "https://127.0.0.1:" + closedPort);

        assertThat(result.code()).as(result.toString()).isEqualTo(5);
        assertThat(result.err()).contains("cannot connect to https://127.0.0.1:" + closedPort)
                .contains("connection refused");
    }

    @Test
    void usageErrorsExitWith1() {
        Skvm.Result badAction = skvm.run("power", "sim-0", "explode");
        Skvm.Result badFile = skvm.run("snapshot", "sim-0", config.resolve("screen.bmp").toString());

        assertThat(badAction.code()).as(badAction.toString()).isEqualTo(1);
        assertThat(badAction.err()).contains("unknown power action 'explode'; use one of on, off, force-off, reset,"
                + " click, long-click");
        assertThat(badFile.code()).as(badFile.toString()).isEqualTo(1);
        assertThat(badFile.err()).contains("cannot tell the picture format from");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Skvm.Result result = skvm.run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("machines", "power", "type", "key", "snapshot", "login", "logout",
                "Exit codes:", "5   connection or TLS failure");
    }

    /**
     * The server answers once it has sent the module the last key state; the target's USB host
     * takes it moments later (later still on a loaded machine, as the module holds the server
     * back while the host has not taken earlier keys).
     */
    private static void awaitConsole(String text) throws InterruptedException {
        Waits.until("the console to show " + text.replace("\n", "\\n"),
                () -> rig.modules.get(0).target().consoleText().contains(text),
                () -> "console: " + rig.modules.get(0).target().consoleText());
    }
}
