package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nothing of the API is served without TLS: plaintext HTTP is redirected, anything else closed. */
class PlaintextTest {

    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** Sends {@code request} and reads until the server closes the connection. */
    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void plaintextHttpOnTheTlsPortIsRedirectedToHttpsAndClosed_withoutData() throws Exception {
        int port = api.server.port();

        String answer = exchange(port, "GET /api/machines?x=1 HTTP/1.1\r\nHost: kvm.example:" + port + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 308 Permanent Redirect\r\n");
        assertThat(answer).containsIgnoringCase("location: https://kvm.example:" + port + "/api/machines?x=1\r\n");
        assertThat(answer).containsIgnoringCase("content-length: 0");
        assertThat(answer).endsWith("\r\n\r\n");
    }

    @Test
    void aPostWithCredentialsOnTheTlsPortGetsNoAnswerButTheRedirect() throws Exception {
        String body = "{\"user\":\"alice\",\"password\":\"" + ApiFixture.PASSWORD + "\"}";

        String answer = exchange(api.server.port(), "POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 308");
        assertThat(answer).doesNotContain("token");
    }

    @Test
    void theRedirectPortPointsAtTheHttpsPort() throws Exception {
        String answer = exchange(api.server.redirectPort().orElseThrow(),
                "GET /api/machines HTTP/1.1\r\nHost: kvm.example\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 308");
        assertThat(answer).containsIgnoringCase("location: https://kvm.example:" + api.server.port() + "/api/machines");
    }

    @Test
    void aMalformedHostHeaderIsNotEchoedIntoTheRedirect() throws Exception {
        String answer = exchange(api.server.port(), "GET / HTTP/1.1\r\nHost: evil.example/@x\r\n\r\n");

        assertThat(answer).containsIgnoringCase("location: https://127.0.0.1:" + api.server.port() + "/\r\n");
    }

    @Test
    void otherPlaintextIsClosedUnanswered() throws Exception {
        assertThat(exchange(api.server.port(), "\u0000\u0001 not http at all\r\n")).isEmpty();
    }
}
