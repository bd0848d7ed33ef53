package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.module.ModuleStatus;

/** Requests an attacker on the LAN sends before logging in: each is refused with a sentence, and nothing breaks. */
class HostileRequestsTest {

    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void aDeeplyNestedJsonBodyIs400SayingHowDeep_evenBeforeLogin() throws Exception {
        String nested = "[".repeat(5000);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = api.post("/api/login", null, nested);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(ApiFixture.json(response.body()).get("error").asText())
                    .contains("nested", String.valueOf(Json.MAX_NESTING_DEPTH));
        }
        assertThat(api.post("/api/login", null, "{\"user\":\"alice\",\"password\":\"" + ApiFixture.PASSWORD + "\"}")
                .statusCode()).as("the server still serves logins").isEqualTo(200);
    }

    @Test
    void jsonNestedAsDeepAsTheBoundIsStillRead() throws Exception {
        String inner = "[".repeat(Json.MAX_NESTING_DEPTH - 1) + "]".repeat(Json.MAX_NESTING_DEPTH - 1);
        HttpResponse<String> response = api.post("/api/login", null, "{\"user\":" + inner + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(response.body()).get("error").asText()).contains("'user'");
    }

    @Test
    void aRequestWithBothContentLengthAndChunkedIs400AndTheConnectionCloses() throws Exception {
        // RFC 9112 §6.3: a front end and the server could read different bodies (request smuggling).
        String smuggled = "POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n"
                + "GET /api/machines HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (SSLSocket socket = RawHttps.tls(api.server.port())) {
            String answer = RawHttps.exchange(socket, smuggled);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Length and Transfer-Encoding");
            assertThat(answer).as("one answer, nothing served after it").containsOnlyOnce("HTTP/1.1");
        }
    }

    @Test
    void anHttp10RequestWithTransferEncodingIs400AndTheConnectionCloses() throws Exception {
        // RFC 9112 §6.1: HTTP/1.0 has no Transfer-Encoding; a front end would read this body some other way.
        String smuggled = "POST /api/login HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n"
                + "GET /api/machines HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (SSLSocket socket = RawHttps.tls(api.server.port())) {
            String answer = RawHttps.exchange(socket, smuggled);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("HTTP/1.0 request may not carry Transfer-Encoding");
            assertThat(answer).as("one answer, nothing served after it").containsOnlyOnce("HTTP/1.1 ");
        }
    }

    @Test
    void aHeadRequestIsAnsweredWithoutBody_soThatTheNextRequestOnTheConnectionIsReadRight() throws Exception {
        try (SSLSocket socket = RawHttps.tls(api.server.port())) {
            String answers = RawHttps.exchange(socket, "HEAD /api/machines HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /api/machines HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            int firstEnd = answers.indexOf("\r\n\r\n") + 4;
            assertThat(answers).startsWith("HTTP/1.1 405");
            assertThat(answers.substring(firstEnd)).as("the second answer follows the first's headers")
                    .startsWith("HTTP/1.1 401").contains("\"error\"");
        }
    }

    @Test
    void invalidUtf8InATextMessageClosesThatSocketWith1007_andLeavesOtherSocketsAlone() throws Exception {
        String token = api.login("bob");
        Frames events = Frames.reading();
        api.socket("/api/events?machine=m2", token, events);
        events.nextText();
        byte[] invalid = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        try (SSLSocket input = RawHttps.tls(api.server.port())) {
            assertThat(RawHttps.upgrade(input, "/api/machines/m1/input", token)).startsWith("HTTP/1.1 101");
            RawHttps.sendFrame(input, 0x1, invalid);

            // RFC 6455 §8.1: text that is not UTF-8 fails the connection, and 1007 says why.
            assertThat(RawHttps.closeCode(input)).isEqualTo(1007);
        }
        api.modules.control("m2").status(new ModuleStatus(true, true, false, 0, 0, true, false, ""));
        assertThat(ApiFixture.json(events.nextText()).get("machine").get("power").asText()).isEqualTo("on");
        assertThat(events.closed).isNotDone();
    }
}
