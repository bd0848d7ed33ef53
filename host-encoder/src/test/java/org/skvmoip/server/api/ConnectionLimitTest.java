package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flood of connections is bounded: beyond the limit new ones are closed, and room frees up as others close. */
class ConnectionLimitTest {

    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(ApiSettings.loopback().withMaxConnections(2));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", api.server.port()), 10_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Whether the server serves this connection: a plaintext request is answered with its redirect. */
    private static boolean served(Socket socket) throws IOException {
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        try {
            byte[] answer = socket.getInputStream().readNBytes(12);
            return new String(answer, StandardCharsets.US_ASCII).equals("HTTP/1.1 308");
        } catch (IOException reset) {
            return false;
        }
    }

    private void awaitConnections(int count) throws InterruptedException {
        for (int i = 0; i < 500 && api.server.connections() != count; i++) {
            Thread.sleep(20);
        }
        assertThat(api.server.connections()).isEqualTo(count);
    }

    @Test
    void connectionsBeyondTheLimitAreClosed_andAdmittedAgainOnceOthersClose() throws Exception {
        try (Socket first = connect()) {
            awaitConnections(1);
            try (Socket second = connect()) {
                awaitConnections(2);

                try (Socket third = connect()) {
                    assertThat(third.getInputStream().read()).as("the third connection is closed").isEqualTo(-1);
                }
            }
            awaitConnections(1);

            try (Socket next = connect()) {
                assertThat(served(next)).as("a connection admitted once another closed").isTrue();
            }
        }
    }
}
