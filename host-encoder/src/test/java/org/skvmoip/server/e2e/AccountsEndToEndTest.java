package org.skvmoip.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.server.api.Frames;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.auth.Sessions;
import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.machine.PowerState;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Roles and grants against the real server and a simulated rack of two machines: vera views
 * sim-0, otto operates the group "lab" (sim-1), and what they may not do never reaches a machine.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AccountsEndToEndTest {

    @TempDir
    static Path dir;
    static ServerRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = ServerRig.startWithGroups(dir, 2, "  lab: [sim-1]\n");
        rig.addUser("vera", Role.VIEWER, "sim-0");
        rig.addUser("otto", Role.OPERATOR, "group:lab");
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aViewerCannotPowerTypeOrTakeControl_403Audited_andTheMachineStaysOff() throws Exception {
        String vera = rig.login("vera");

        HttpResponse<String> power = rig.post("/api/machines/sim-0/power", vera, "{\"action\":\"on\"}");
        HttpResponse<String> type = rig.post("/api/machines/sim-0/type", vera, "{\"text\":\"reboot\\n\"}");
        int input = upgradeStatus("/api/machines/sim-0/input", vera);

        assertThat(power.statusCode()).isEqualTo(403);
        assertThat(type.statusCode()).isEqualTo(403);
        assertThat(input).isEqualTo(403);
        assertThat(rig.modules.get(0).target().state()).isEqualTo(PowerState.OFF);
        List<String> audit = auditLines(line -> line.contains("\"user\":\"vera\"") && line.contains("forbidden"), 3);
        assertThat(audit).anySatisfy(line -> assertThat(line).contains("\"action\":\"power\"", "\"machine\":\"sim-0\""));
        assertThat(audit).anySatisfy(line -> assertThat(line).contains("\"action\":\"input\""));
    }

    @Test
    void anOperatorSeesAndControlsOnlyTheMachinesOfTheirGroup() throws Exception {
        String otto = rig.login("otto");

        JsonNode machines = awaitOnline(otto);
        HttpResponse<String> other = rig.post("/api/machines/sim-0/power", otto, "{\"action\":\"on\"}");
        HttpResponse<String> own = rig.post("/api/machines/sim-1/power", otto, "{\"action\":\"on\"}");

        assertThat(machines).hasSize(1);
        assertThat(machines.get(0).get("name").asText()).isEqualTo("sim-1");
        assertThat(machines.get(0).get("access").asText()).isEqualTo("control");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(rig.modules.get(0).target().state()).isEqualTo(PowerState.OFF);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(rig.modules.get(1).target().state()).isNotEqualTo(PowerState.OFF);
    }

    @Test
    void aPasswordChangeClosesThatUsersOpenVideoAndInputSockets() throws Exception {
        String otto = rig.login("otto");
        Frames video = Frames.reading();
        rig.http.newWebSocketBuilder().header("Authorization", "Bearer " + otto)
                .buildAsync(rig.wsUri("/api/machines/sim-1/video"), video).get(20, TimeUnit.SECONDS);
        Frames input = Frames.reading();
        rig.http.newWebSocketBuilder().header("Authorization", "Bearer " + otto)
                .buildAsync(rig.wsUri("/api/machines/sim-1/input"), input).get(20, TimeUnit.SECONDS);

        rig.users().setPassword("otto", "another password".toCharArray());

        assertThat(video.closed.get(20, TimeUnit.SECONDS)).isEqualTo("4001 " + Sessions.ACCOUNT_CHANGED);
        assertThat(input.closed.get(20, TimeUnit.SECONDS)).isEqualTo("4001 " + Sessions.ACCOUNT_CHANGED);
        assertThat(rig.get("/api/machines", otto).statusCode()).isEqualTo(401);
        rig.users().setPassword("otto", ServerRig.PASSWORD.toCharArray());
    }

    @Test
    void aRemovedUsersTokenStopsWorking() throws Exception {
        rig.addUser("gone", Role.VIEWER, "sim-0");
        String token = rig.login("gone");
        assertThat(rig.get("/api/machines", token).statusCode()).isEqualTo(200);
        Frames events = Frames.reading();
        rig.http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(rig.wsUri("/api/events"), events).get(20, TimeUnit.SECONDS);

        rig.users().remove("gone");

        assertThat(events.closed.get(20, TimeUnit.SECONDS)).isEqualTo("4001 " + Sessions.ACCOUNT_CHANGED);
        HttpResponse<String> after = rig.get("/api/machines", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(ServerRig.json(after.body()).get("error").asText()).contains(Sessions.ACCOUNT_CHANGED);
    }

    /** The caller's machines list once the first machine's module is online. */
    private static JsonNode awaitOnline(String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode list = ServerRig.json(rig.get("/api/machines", token).body());
            if (list.size() > 0 && list.get(0).get("online").asBoolean() || System.nanoTime() > deadline) {
                return list;
            }
            Thread.sleep(50);
        }
    }

    private static int upgradeStatus(String path, String token) {
        Throwable failure = catchThrowable(() -> rig.http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(rig.wsUri(path), new WebSocket.Listener() { }).get(20, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    /** The audit lines that match, once {@code count} of them are written (on a thread of their own). */
    private static List<String> auditLines(Predicate<String> wanted, int count) throws Exception {
        Path file = dir.resolve("data/audit.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> lines;
        do {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(wanted).toList();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return lines;
    }
}
