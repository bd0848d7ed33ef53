package org.skvmoip.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.machine.PowerState;
import org.skvmoip.sim.machine.ScreenTextReader;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server as a user meets it: a simulated rack, the real server started from an inventory
 * file, and a TLS client. Power, typing and the video all travel the whole way: API → module
 * link → firmware → USB/front panel → virtual machine → its screen → MJPEG → FFmpeg capture →
 * H.264 → WebSocket → FFmpeg decoder here.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static ServerRig rig;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        rig = ServerRig.start(dir, 2);
        token = rig.login();
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() throws Exception {
        assertThat(rig.get("/api/machines", null).statusCode()).isEqualTo(401);
        assertThat(rig.get("/api/machines", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(rig.post("/api/machines/sim-0/power", null, "{\"action\":\"on\"}").statusCode()).isEqualTo(401);
        assertThat(rig.get("/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theMachineListShowsEveryMachineWithItsModuleOnline() throws Exception {
        JsonNode machines = awaitMachines(list -> list.size() == 2 && list.get(0).get("online").asBoolean()
                && list.get(1).get("online").asBoolean());
        assertThat(machines.get(0).get("name").asText()).isEqualTo("sim-0");
        assertThat(machines.get(1).get("name").asText()).isEqualTo("sim-1");

        HttpResponse<String> metrics = rig.get("/metrics", token);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("skvm_module_online{machine=\"sim-0\"} 1",
                "skvm_module_online{machine=\"sim-1\"} 1", "# TYPE skvm_encode_frames_total counter");
    }

    @Test
    void powerOnThroughTheApiStartsTheMachineAndItsStatusFollows() throws Exception {
        awaitMachines(list -> list.get(1).get("online").asBoolean());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WebSocket eventSocket = rig.http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(rig.wsUri("/api/events?machine=sim-1"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        events.add(data.toString());
                        socket.request(1);
                        return null;
                    }
                }).get(20, TimeUnit.SECONDS);

        HttpResponse<String> response = rig.post("/api/machines/sim-1/power", token, "{\"action\":\"on\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        awaitEvent(events, event -> event.get("machine").get("power").asText().equals("on"));
        eventSocket.abort();
        assertThat(ServerRig.json(response.body()).get("power").asText()).isEqualTo("on");
        assertThat(rig.modules.get(1).target().state()).isNotEqualTo(PowerState.OFF);
        JsonNode machine = ServerRig.json(rig.get("/api/machines/sim-1", token).body());
        assertThat(machine.get("power").asText()).isEqualTo("on");
    }

    @Test
    void textTypedThroughTheApiAppearsInTheDecodedVideo() throws Exception {
        awaitMachines(list -> list.get(0).get("online").asBoolean());
        rig.post("/api/machines/sim-0/power", token, "{\"action\":\"on\"}");
        awaitRunning(0);
        try (VideoSocketViewer viewer = new VideoSocketViewer(rig.http, rig.wsUri("/api/machines/sim-0/video"),
                token, true)) {
            viewer.awaitPicture("with the machine's screen", picture -> picture.getWidth() == 1024, WAIT);
            assertThat(viewer.firstWasKeyframe()).isTrue();

            HttpResponse<String> typed = rig.post("/api/machines/sim-0/type", token,
                    "{\"text\":\"echo Hello, KVM!\\n\"}");
            assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);

            viewer.awaitPicture("showing the typed text",
                    picture -> ScreenTextReader.readText(picture).contains("echo Hello, KVM!"), WAIT);
        }
    }

    @Test
    void aSnapshotIsAPictureOfTheScreen() throws Exception {
        HttpResponse<byte[]> png = rig.getBytes("/api/machines/sim-0/snapshot?format=png", token);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png.body())).getWidth()).isEqualTo(1024);
    }

    @Test
    void aPlaintextClientOnTheHttpsPortIsRedirectedAndGetsNoData() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", rig.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/machines HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 308").containsIgnoringCase("Location: https://")
                    .doesNotContain("sim-0");
        }
    }

    @Test
    void repeatedWrongPasswordsAreSlowedDown() throws Exception {
        int status = 0;
        for (int i = 0; i < 5 && status != 429; i++) {
            status = rig.post("/api/login", null, "{\"user\":\"mallory\",\"password\":\"guess" + i + "\"}")
                    .statusCode();
        }
        assertThat(status).isEqualTo(429);
        HttpResponse<String> refused = rig.post("/api/login", null, "{\"user\":\"mallory\",\"password\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    private static void awaitEvent(BlockingQueue<String> events, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
                if (wanted.test(ServerRig.json(event))) {
                    return;
                }
            }
        }
        throw new AssertionError("no such event within " + WAIT + "; seen: " + seen);
    }

    private void awaitRunning(int machine) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rig.modules.get(machine).target().state() != PowerState.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("machine " + machine + " did not boot: "
                        + rig.modules.get(machine).target().state());
            }
            Thread.sleep(20);
        }
    }

    private JsonNode awaitMachines(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = rig.get("/api/machines", token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode list = ServerRig.json(response.body());
            if (wanted.test(list)) {
                return list;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("machines never as wanted: " + list);
            }
            Thread.sleep(50);
        }
    }
}
