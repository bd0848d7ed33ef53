package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.module.ModuleStatus;

/**
 * Roles and grants on every route and socket: vera is a viewer of m1, otto an operator of the
 * group "lab" (m2), alice an admin.
 */
class RolesTest {

    private ApiFixture api;
    private String vera;
    private String otto;
    private String alice;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
        api.addUser("vera", Role.VIEWER, "m1");
        api.addUser("otto", Role.OPERATOR, "group:lab");
        vera = api.login("vera");
        otto = api.login("otto");
        alice = api.login("alice");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aViewerCannotPowerTypeOrPressKeys_403AndAudited() throws Exception {
        List<HttpResponse<String>> refused = new ArrayList<>();
        refused.add(api.post("/api/machines/m1/power", vera, "{\"action\":\"on\"}"));
        refused.add(api.post("/api/machines/m1/type", vera, "{\"text\":\"root\"}"));
        refused.add(api.post("/api/machines/m1/keys", vera, "{\"combo\":\"ctrl+alt+delete\"}"));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).isEqualTo(403);
        }
        assertThat(ApiFixture.json(refused.get(0).body()).get("error").asText())
                .isEqualTo("vera is a viewer of 'm1': power needs operator or admin; an admin can change the role with: "
                        + "users role vera ROLE");
        assertThat(api.modules.control("m1").sent).isEmpty();
        List<String> audit = api.auditLines(6);
        for (String action : List.of("power", "type", "keys")) {
            assertThat(audit).anySatisfy(line -> assertThat(line).contains("\"user\":\"vera\"", "\"action\":\"" + action + "\"",
                    "\"machine\":\"m1\"", "\"outcome\":\"forbidden: role viewer, needs operator or admin\""));
        }
    }

    @Test
    void aViewersInputSocketIsRefusedAtTheUpgrade_soNoClaimOrTakeOver() throws Exception {
        assertThat(upgradeStatus("/api/machines/m1/input", vera)).isEqualTo(403);

        assertThat(api.seats.controller("m1")).isEmpty();
        assertThat(api.auditLines(4)).anySatisfy(line -> assertThat(line)
                .contains("\"user\":\"vera\"", "\"action\":\"input\"", "\"outcome\":\"forbidden: role viewer"));
    }

    @Test
    void aViewerWatchesTheVideoSnapshotAndEventsOfTheMachineGranted() throws Exception {
        api.socket("/api/machines/m1/video", vera, Frames.reading());
        api.video.awaitViewers("m1", 1);
        assertThat(api.get("/api/machines/m1/snapshot", vera).statusCode()).isEqualTo(200);

        Frames events = Frames.reading();
        api.socket("/api/events", vera, events);
        JsonNode first = ApiFixture.json(events.nextText());
        assertThat(first.get("machine").get("name").asText()).isEqualTo("m1");
        assertThat(first.get("machine").get("access").asText()).isEqualTo("view");
        // Events go out in the order of the changes: had m2's reached vera, it would come first.
        api.modules.control("m2").status(ModuleStatus.offline("cable pulled"));
        api.modules.control("m1").status(ModuleStatus.offline("cable pulled"));
        JsonNode next = ApiFixture.json(events.nextText());
        assertThat(next.get("machine").get("name").asText()).isEqualTo("m1");
        assertThat(next.get("machine").get("online").asBoolean()).isFalse();
    }

    @Test
    void anOperatorSeesOnlyTheMachinesOfTheirGroup() throws Exception {
        JsonNode machines = ApiFixture.json(api.get("/api/machines", otto).body());

        assertThat(machines).hasSize(1);
        assertThat(machines.get(0).get("name").asText()).isEqualTo("m2");
        assertThat(machines.get(0).get("access").asText()).isEqualTo("control");
    }

    @Test
    void anUngrantedMachineAnswersAsAnUnknownOneOnEveryRouteAndSocket() throws Exception {
        HttpResponse<String> unknown = api.get("/api/machines/nope", otto);
        assertThat(unknown.statusCode()).isEqualTo(404);

        for (HttpResponse<String> response : List.of(api.get("/api/machines/m1", otto),
                api.post("/api/machines/m1/power", otto, "{\"action\":\"on\"}"),
                api.post("/api/machines/m1/keys", otto, "{\"combo\":\"a\"}"),
                api.get("/api/machines/m1/snapshot", otto))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(unknown.body().replace("nope", "m1"));
        }
        assertThat(upgradeStatus("/api/machines/m1/video", otto)).isEqualTo(404);
        assertThat(upgradeStatus("/api/machines/m1/input", otto)).isEqualTo(404);
        assertThat(upgradeStatus("/api/events?machine=m1", otto)).isEqualTo(404);
        assertThat(api.modules.control("m1").sent).isEmpty();
    }

    @Test
    void anOperatorControlsTheMachinesOfTheirGroup() throws Exception {
        HttpResponse<String> keys = api.post("/api/machines/m2/keys", otto, "{\"combo\":\"ctrl+c\"}");

        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(api.modules.control("m2").sent).isNotEmpty();
    }

    @Test
    void adoptionAndDiscoveryAreAnAdminsOnly() throws Exception {
        HttpResponse<String> adopt = api.post("/api/machines/m2/adopt", otto, "");
        HttpResponse<String> discover = api.get("/api/modules/discover?wait=1", otto);

        assertThat(adopt.statusCode()).isEqualTo(403);
        assertThat(ApiFixture.json(adopt.body()).get("error").asText()).startsWith("otto is an operator of 'm2': adopt needs admin");
        assertThat(discover.statusCode()).isEqualTo(403);
        assertThat(api.auditLines(5)).anySatisfy(line -> assertThat(line)
                .contains("\"user\":\"otto\"", "\"action\":\"adopt\"", "\"outcome\":\"forbidden: role operator, needs admin\""));
    }

    @Test
    void anAdminSeesAndControlsEveryMachine() throws Exception {
        JsonNode machines = ApiFixture.json(api.get("/api/machines", alice).body());

        assertThat(machines).hasSize(3);
        for (JsonNode machine : machines) {
            assertThat(machine.get("access").asText()).isEqualTo("control");
        }
    }

    @Test
    void metricsNameEveryMachine_soOnlyWhoSeesEveryMachineGetsThem() throws Exception {
        assertThat(api.get("/metrics", vera).statusCode()).isEqualTo(403);
        assertThat(api.get("/metrics", api.login("bob")).statusCode()).isEqualTo(200);
        assertThat(api.get("/metrics", ApiFixture.METRICS_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionAndTheLoginSayTheRole() throws Exception {
        HttpResponse<String> login = api.post("/api/login", null,
                "{\"user\":\"vera\",\"password\":\"" + ApiFixture.PASSWORD + "\"}");
        String token = ApiFixture.json(login.body()).get("token").asText();

        JsonNode session = ApiFixture.json(api.get("/api/session", token).body());

        assertThat(ApiFixture.json(login.body()).get("role").asText()).isEqualTo("viewer");
        assertThat(session.get("user").asText()).isEqualTo("vera");
        assertThat(session.get("role").asText()).isEqualTo("viewer");
        assertThat(session.get("secondFactor").asBoolean()).isFalse();
        assertThat(session.get("expires").asText()).isEqualTo(ApiFixture.json(login.body()).get("expires").asText());
        assertThat(api.get("/api/session", null).statusCode()).isEqualTo(401);
    }

    private int upgradeStatus(String path, String token) {
        Throwable failure = catchThrowable(() -> api.socket(path, token, Frames.reading()));
        assertThat(failure).as("the upgrade of " + path + " is refused").isInstanceOf(ExecutionException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }
}
