package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.protocol.Power;
import org.skvmoip.protocol.Status;
import org.skvmoip.server.module.ModuleStatus;

/** The machine endpoints over the real power control, typist and seats, with fake module links. */
class MachinesTest {

    private ApiFixture api;
    private String token;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
        token = api.login("alice");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ApiFixture.json(response.body());
    }

    /** What the fake module received, waiting (bounded) for {@code count} sends. */
    private static List<String> sent(FakeMachineControl control, int count) throws InterruptedException {
        List<String> sent = new ArrayList<>();
        while (sent.size() < count) {
            String next = control.sent.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("the module got only " + sent);
            }
            sent.add(next);
        }
        return sent;
    }

    @Test
    void theListShowsEveryMachineWithItsModuleAndVideoState() throws Exception {
        api.modules.control("m1").status(new ModuleStatus(true, true, true, 12, Status.LED_CAPS_LOCK, true, false, ""));
        api.modules.control("m2").status(ModuleStatus.offline("connection refused"));

        JsonNode machines = json(api.get("/api/machines", token));

        assertThat(machines).hasSize(3);
        JsonNode m1 = machines.get(0);
        assertThat(m1.get("name").asText()).isEqualTo("m1");
        assertThat(m1.get("online").asBoolean()).isTrue();
        assertThat(m1.get("power").asText()).isEqualTo("on");
        assertThat(m1.get("hdd").asBoolean()).isTrue();
        assertThat(m1.get("hddActivity").asInt()).isEqualTo(12);
        assertThat(m1.get("keyboardLeds").get("caps").asBoolean()).isTrue();
        assertThat(m1.get("keyboardLeds").get("num").asBoolean()).isFalse();
        assertThat(m1.get("streaming").asBoolean()).isFalse();
        assertThat(m1.get("controller").isNull()).isTrue();
        JsonNode m2 = machines.get(1);
        assertThat(m2.get("power").asText()).isEqualTo("unknown");
        assertThat(m2.get("problem").asText()).isEqualTo("connection refused");
        JsonNode videoOnly = machines.get(2);
        assertThat(videoOnly.get("module").asBoolean()).isFalse();
        assertThat(videoOnly.get("online").asBoolean()).isFalse();
    }

    @Test
    void aPowerOperationThatWaitsDoesNotDelayOtherRequests_andAnswersWhenTheLedFollows() throws Exception {
        FakeMachineControl m1 = api.modules.control("m1");
        CompletableFuture<HttpResponse<String>> powerOn = api.postAsync("/api/machines/m1/power", token,
                "{\"action\":\"on\"}");
        assertThat(sent(m1, 1)).containsExactly("power " + Power.SHORT_PRESS);

        // While it waits for the power LED, other requests on other connections are answered.
        HttpResponse<String> meanwhile = api.get("/api/machines/m1", api.login("bob"));
        HttpResponse<String> second = api.post("/api/machines/m1/power", token, "{\"action\":\"reset\"}");
        assertThat(powerOn).isNotDone();
        assertThat(json(meanwhile).get("power").asText()).isEqualTo("off");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).get("error").asText()).contains("another power operation is running");

        m1.status(new ModuleStatus(true, true, false, 0, 0, true, false, ""));

        HttpResponse<String> done = powerOn.get(10, TimeUnit.SECONDS);
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode outcome = json(done);
        assertThat(outcome.get("action").asText()).isEqualTo("on");
        assertThat(outcome.get("pressed").asBoolean()).isTrue();
        assertThat(outcome.get("power").asText()).isEqualTo("on");
        assertThat(api.auditLines(3)).anySatisfy(line -> assertThat(line).contains("\"power\"", "\"m1\"", "ok:"));
    }

    @Test
    void powerOnAMachineWhoseModuleIsOfflineIs503WithTheReason() throws Exception {
        api.modules.control("m2").status(ModuleStatus.offline("connection refused"));

        HttpResponse<String> response = api.post("/api/machines/m2/power", token, "{\"action\":\"on\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("error").asText()).contains("offline", "connection refused");
    }

    @Test
    void typedTextReachesTheModuleAsKeyStates_andTheAuditLogHasOnlyItsLength() throws Exception {
        HttpResponse<String> response = api.post("/api/machines/m1/type", token, "{\"text\":\"hunter2\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("typed").asInt()).isEqualTo(7);
        List<String> states = new ArrayList<>(api.modules.control("m1").sent);
        assertThat(states).contains("keyboard 0 [11]", "keyboard 0 [31]"); // h, 2 (HID usages 0x0B, 0x1F)
        assertThat(states.get(states.size() - 1)).isEqualTo("keyboard 0 []");
        List<String> audit = api.auditLines(2);
        assertThat(audit).anySatisfy(line -> assertThat(line).contains("\"type\"", "7 characters"));
        assertThat(String.join("\n", audit)).doesNotContain("hunter2");
    }

    @Test
    void aKeyComboIsPressedTogether() throws Exception {
        HttpResponse<String> response = api.post("/api/machines/m1/keys", token, "{\"combo\":\"ctrl+alt+delete\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ArrayList<>(api.modules.control("m1").sent)).contains("keyboard 5 [76]"); // LeftCtrl|LeftAlt, Delete
    }

    @Test
    void typingWhileAnotherUserControlsTheMachineIs409_theControllerMayType() throws Exception {
        api.seats.claim("m1", ViewerId.of("bob", "window-1"), false);

        HttpResponse<String> alice = api.post("/api/machines/m1/type", token, "{\"text\":\"x\"}");
        HttpResponse<String> bob = api.post("/api/machines/m1/type", api.login("bob"), "{\"text\":\"x\"}");

        assertThat(alice.statusCode()).isEqualTo(409);
        assertThat(json(alice).get("error").asText()).contains("bob controls 'm1'");
        assertThat(bob.statusCode()).isEqualTo(200);
        assertThat(json(api.get("/api/machines/m1", token)).get("controller").asText()).isEqualTo("bob");
    }

    @Test
    void textTheLayoutCannotTypeOrAnUnknownLayoutOrKeyIs400() throws Exception {
        for (String body : List.of("{\"text\":\"caf\u00e9\"}", "{\"text\":\"x\",\"layout\":\"klingon\"}")) {
            HttpResponse<String> response = api.post("/api/machines/m1/type", token, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        HttpResponse<String> combo = api.post("/api/machines/m1/keys", token, "{\"combo\":\"ctrl+banana\"}");
        assertThat(combo.statusCode()).isEqualTo(400);
        assertThat(json(combo).get("error").asText()).contains("banana");
        assertThat(api.modules.control("m1").sent).isEmpty();
    }
}
