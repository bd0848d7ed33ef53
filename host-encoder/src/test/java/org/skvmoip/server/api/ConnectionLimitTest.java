package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections are bounded in all and per address, and the ones that prove nothing (no TLS
 * handshake, a request head that never ends) are closed by deadlines, so that one client on the
 * LAN cannot lock the others out.
 */
class ConnectionLimitTest {

    private static final String OTHER_ADDRESS = "127.0.0.2";

    private ApiFixture api;

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private Socket connect() throws IOException {
        return RawHttps.tcp("127.0.0.1", api.server.port());
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

    private static boolean logsIn(SSLSocket socket) throws IOException {
        return RawHttps.exchange(socket, RawHttps.login("alice", ApiFixture.PASSWORD)).startsWith("HTTP/1.1 200");
    }

    @Test
    void connectionsBeyondTheLimitAreClosed_andAdmittedAgainOnceOthersClose() throws Exception {
        api = new ApiFixture(ApiSettings.loopback().withMaxConnections(2));
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

    @Test
    void anAddressHoldingItsWholeShare_leavesRoomForAnotherAddressToLogIn() throws Exception {
        int share = 3;
        api = new ApiFixture(ApiSettings.loopback().withMaxConnections(share + 2).withConnectionsPerAddress(share));
        List<Socket> hog = new ArrayList<>();
        try {
            for (int i = 0; i < share; i++) {
                hog.add(RawHttps.tls(api.server.port()));
            }
            awaitConnections(share);
            try (Socket oneMore = connect()) {
                assertThat(RawHttps.closedByServer(oneMore)).as("a connection beyond the address's share").isTrue();
            }

            try (SSLSocket other = RawHttps.tls(OTHER_ADDRESS, api.server.port())) {
                assertThat(logsIn(other)).as("a login from " + OTHER_ADDRESS).isTrue();
            }
        } finally {
            for (Socket socket : hog) {
                socket.close();
            }
        }
    }

    @Test
    void silentConnectionsAreClosedByTheHandshakeDeadline_andTheirAddressGetsItsShareBack() throws Exception {
        int share = 3;
        api = new ApiFixture(ApiSettings.loopback().withConnectionsPerAddress(share)
                .withDeadlines(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < share; i++) {
                silent.add(connect());
            }
            // Half a TLS record header: the sniffer has seen nothing it can decide on.
            silent.get(0).getOutputStream().write(0x16);

            for (Socket socket : silent) {
                assertThat(RawHttps.closedByServer(socket)).as("a connection that never completed a handshake")
                        .isTrue();
            }
            awaitConnections(0);
            // A plaintext request, answered at once: a TLS handshake on a busy machine could outlast the short deadline.
            try (Socket again = connect()) {
                assertThat(served(again)).as("a connection from the same address afterwards").isTrue();
            }
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    @Test
    void aRequestHeadTricklingInIsAnswered408AndClosed_byTheDeadlineFromItsFirstByte() throws Exception {
        api = new ApiFixture(ApiSettings.loopback().withDeadlines(Duration.ofSeconds(10), Duration.ofMillis(500)));
        // Headers without end, a byte at a time: each byte restarts the idle timeout, only a deadline from the
        // first byte ends them. 200 bytes at one per 50 ms outlast the 500 ms deadline twentyfold.
        byte[] endless = ("GET /api/machines HTTP/1.1\r\nHost: localhost\r\n" + "X-Slow: a\r\n".repeat(16))
                .substring(0, 200).getBytes(StandardCharsets.US_ASCII);
        try (SSLSocket socket = RawHttps.tls(api.server.port())) {
            socket.setSoTimeout(50);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String answer = "";
            int sent = 0;
            while (sent < endless.length && answer.isEmpty()) {
                try {
                    out.write(endless[sent++]);
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                answer = readSome(in);
            }
            socket.setSoTimeout(10_000);
            answer += RawHttps.readAll(in);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("did not arrive within");
            assertThat(sent).as("bytes the server took before it gave up").isLessThan(endless.length);
        }
    }

    /** What the server has sent so far, or "" when nothing came within the socket's timeout. */
    private static String readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            return n < 0 ? "(closed)" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException nothingYet) {
            return "";
        }
    }
}
