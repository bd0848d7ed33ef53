package org.skvmoip.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocket;

/**
 * Connections to the API made byte by byte, for what no HTTP client sends: requests that smuggle,
 * trickle or say nothing, and connections from another loopback address (Linux routes all of
 * 127.0.0.0/8 to the loopback interface, so 127.0.0.2 is a second client address on this host).
 */
final class RawHttps {

    private RawHttps() {
    }

    /** A plain TCP connection to the API's port from {@code from}, nothing sent. */
    static Socket tcp(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** A TLS connection from {@code from}, handshake done. */
    static SSLSocket tls(String from, int port) throws Exception {
        Socket tcp = tcp(from, port);
        SSLSocket socket = (SSLSocket) TestTls.client().getSocketFactory().createSocket(tcp, "localhost", port, true);
        socket.startHandshake();
        return socket;
    }

    static SSLSocket tls(int port) throws Exception {
        return tls("127.0.0.1", port);
    }

    /** Sends one request that asks for the connection to close after it, and returns the whole answer. */
    static String exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return readAll(socket.getInputStream());
    }

    static String login(String user, String password) {
        String body = "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return "POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Everything until the server closes the connection (a reset ends it too). */
    static String readAll(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            // The server closed with bytes of ours unread: what came before the reset is its answer.
        }
        return text.toString();
    }

    /** Whether the server closed the connection (end of stream or a reset) before the socket's timeout. */
    static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Opens a WebSocket on {@code socket} (RFC 6455 §4.1); returns the server's answer head. */
    static String upgrade(Socket socket, String path, String token) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** One masked client frame (RFC 6455 §5.2), FIN set, a payload under 126 bytes. */
    static void sendFrame(Socket socket, int opcode, byte[] payload) throws IOException {
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame);
        socket.getOutputStream().flush();
    }

    /** The status code of the next close frame the server sends, skipping any other frame; -1 if it just closed. */
    static int closeCode(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        while (true) {
            int first = in.read();
            int second = in.read();
            if (first < 0 || second < 0) {
                return -1;
            }
            int length = second & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                throw new IOException("a server frame of 64 KiB or more, not expected here");
            }
            byte[] payload = in.readNBytes(length);
            if ((first & 0x0f) == 0x8) {
                return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
            }
        }
    }
}
