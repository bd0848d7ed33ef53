package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.auth.LoginThrottle;

class LoginAndAuthTest {

    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theRightPasswordGivesATokenThatOpensTheApi() throws Exception {
        HttpResponse<String> login = api.post("/api/login", null,
                "{\"user\":\"alice\",\"password\":\"" + ApiFixture.PASSWORD + "\"}");

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = ApiFixture.json(login.body());
        assertThat(body.get("token").asText()).hasSize(43);
        assertThat(body.get("expires").asText()).isNotEmpty();
        HttpResponse<String> machine = api.get("/api/machines/no-such-machine", body.get("token").asText());
        assertThat(machine.statusCode()).isEqualTo(404);
        assertThat(ApiFixture.json(machine.body()).get("error").asText()).contains("no-such-machine");
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited_withoutThePassword() throws Exception {
        HttpResponse<String> login = api.post("/api/login", null,
                "{\"user\":\"alice\",\"password\":\"hunter2-guess\"}");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(login.body()).get("error").asText()).isEqualTo("wrong user name or password");
        List<String> audit = api.auditLines(1);
        assertThat(audit).anySatisfy(line -> assertThat(line).contains("\"alice\"", "login", "denied"));
        assertThat(String.join("\n", audit)).doesNotContain("hunter2");
    }

    @Test
    void repeatedFailuresAreThrottled_evenTheRightPasswordWaits() throws Exception {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertThat(api.post("/api/login", null, "{\"user\":\"alice\",\"password\":\"guess" + i + "\"}")
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = api.post("/api/login", null,
                "{\"user\":\"alice\",\"password\":\"" + ApiFixture.PASSWORD + "\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(ApiFixture.json(refused.body()).get("error").asText()).contains("too many failed logins");
    }

    @Test
    void withoutATokenEveryEndpointButLoginAnswers401WithABearerChallenge() throws Exception {
        for (String path : List.of("/api/machines", "/api/machines/m1", "/api/modules/discover", "/metrics")) {
            HttpResponse<String> response = api.get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(ApiFixture.json(response.body()).get("error").asText()).contains("POST /api/login");
        }
    }

    @Test
    void anUnknownTokenIsRefusedAsInvalid() throws Exception {
        HttpResponse<String> response = api.get("/api/machines/m1", "x".repeat(43));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void afterLogoutTheTokenNoLongerWorks() throws Exception {
        String token = api.login("alice");

        assertThat(api.post("/api/logout", token, "").statusCode()).isEqualTo(204);

        assertThat(api.get("/api/machines/no-such-machine", token).statusCode()).isEqualTo(401);
    }

    @Test
    void metricsTakeTheScrapersTokenOrAUsersToken_andShowViewerTraffic() throws Exception {
        HttpResponse<String> scraped = api.get("/metrics", ApiFixture.METRICS_TOKEN);
        HttpResponse<String> byUser = api.get("/metrics", api.login("alice"));

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(scraped.body()).contains("# TYPE skvm_bytes_sent_total counter",
                "skvm_bytes_sent_total{machine=\"m1\"} 0");
        assertThat(byUser.statusCode()).isEqualTo(200);
    }

    @Test
    void theScrapersTokenOpensNothingButMetrics() throws Exception {
        assertThat(api.get("/api/machines/m1", ApiFixture.METRICS_TOKEN).statusCode()).isEqualTo(401);
    }
}
