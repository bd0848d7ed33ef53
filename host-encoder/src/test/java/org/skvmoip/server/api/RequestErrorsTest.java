package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad request gets the right 4xx and a JSON body that says what was wrong. */
class RequestErrorsTest {

    private static ApiFixture api;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        token = api.login("alice");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String error(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return ApiFixture.json(response.body()).get("error").asText();
    }

    @Test
    void aBodyThatIsNotJsonIs400SayingWhere() throws Exception {
        HttpResponse<String> response = api.post("/api/machines/m1/power", token, "{\"action\": on}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("not valid JSON", "line 1");
    }

    @Test
    void aMissingFieldIs400NamingIt() throws Exception {
        HttpResponse<String> response = api.post("/api/machines/m1/power", token, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("'action'", "missing");
    }

    @Test
    void anUnknownPowerActionIs400ListingTheActions() throws Exception {
        HttpResponse<String> response = api.post("/api/machines/m1/power", token, "{\"action\":\"explode\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("on, off, force-off, reset, click, long-click", "'explode'");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIs400() throws Exception {
        HttpResponse<String> response = api.post("/api/login", null, "[1,2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("JSON object");
    }

    @Test
    void anUnknownMachineIs404() throws Exception {
        for (String path : new String[] {"/api/machines/nope", "/api/machines/nope/snapshot"}) {
            HttpResponse<String> response = api.get(path, token);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(error(response)).as(path).contains("no machine named 'nope'");
        }
        assertThat(api.post("/api/machines/nope/power", token, "{\"action\":\"on\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownRouteIs404_andAKnownOneWithTheWrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> unknown = api.get("/api/nothing-here", token);
        HttpResponse<String> wrongMethod = api.get("/api/machines/m1/power", token);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown)).contains("no such endpoint");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"text\":\"" + "a".repeat(ApiSettings.DEFAULT_MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> response = api.post("/api/machines/m1/type", token, big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response)).contains("larger than the " + ApiSettings.DEFAULT_MAX_BODY_BYTES + " bytes");
    }

    @Test
    void aClientStillSendingItsBodyReadsThe413InsteadOfAReset() throws Exception {
        // Far over the limit: the client is still writing when the server has answered. A server
        // that closed at once would reset the connection under the unread body, and the client
        // would often get the reset instead of the 413.
        String huge = "{\"text\":\"" + "a".repeat(32 * ApiSettings.DEFAULT_MAX_BODY_BYTES) + "\"}";

        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> response = api.post("/api/machines/m1/type", token, huge);

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Connection")).hasValue("close");
        }
    }

    @Test
    void headersOverTheLimitAre400() throws Exception {
        HttpResponse<String> response = api.send(api.request("/api/machines/nope", token)
                .header("X-Padding", "p".repeat(20_000)).GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("malformed HTTP request");
    }

    @Test
    void aMachineWithoutModuleCannotBePoweredAndSaysWhy() throws Exception {
        HttpResponse<String> response = api.post("/api/machines/video-only/power", token, "{\"action\":\"on\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(error(response)).contains("has no module");
    }

    @Test
    void aSnapshotIsTheImageWithItsContentType() throws Exception {
        HttpResponse<byte[]> png = api.client.send(api.request("/api/machines/m1/snapshot", token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> jpeg = api.client.send(
                api.request("/api/machines/m1/snapshot?format=jpeg", token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(FakeVideoService.PNG);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(jpeg.body()).isEqualTo(FakeVideoService.JPEG);
    }

    @Test
    void anUnknownSnapshotFormatIs400() throws Exception {
        HttpResponse<String> response = api.get("/api/machines/m1/snapshot?format=gif", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("png or jpeg");
    }

    @Test
    void aWebSocketEndpointAskedWithPlainHttpIs426() throws Exception {
        HttpResponse<String> response = api.get("/api/machines/m1/video", token);

        assertThat(response.statusCode()).isEqualTo(426);
        assertThat(error(response)).contains("WebSocket");
    }

    @Test
    void pipelinedRequestsAreAnsweredOneAfterTheOtherInOrder() throws Exception {
        String requests = "GET /api/machines/m1/snapshot HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\n\r\nGET /api/machines/nope HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n";
        try (SSLSocket socket = (SSLSocket) TestTls.client().getSocketFactory().createSocket("localhost",
                api.server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            int image = answers.indexOf("content-type: image/png");
            int notFound = answers.indexOf("no machine named 'nope'");
            assertThat(image).isPositive();
            assertThat(notFound).isGreaterThan(image);
        }
    }

    @Test
    void theConnectionServesFurtherRequestsAfterAnError() throws Exception {
        HttpRequest bad = api.request("/api/machines/m1/power", token)
                .POST(HttpRequest.BodyPublishers.ofString("nonsense")).build();
        for (int i = 0; i < 3; i++) {
            assertThat(api.send(bad).statusCode()).isEqualTo(400);
        }
        assertThat(api.get("/api/machines/nope", token).statusCode()).isEqualTo(404);
    }
}
