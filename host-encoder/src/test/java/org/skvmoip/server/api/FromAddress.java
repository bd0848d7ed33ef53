package org.skvmoip.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.net.ssl.SSLSocket;

/**
 * An HTTPS connection to the fixture's server from a chosen loopback address (127.0.0.2, ...):
 * Java's HttpClient cannot pick its source address, and the throttle tells sources apart by it.
 * Requests go one after another on the one connection (keep-alive).
 */
final class FromAddress implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    FromAddress(ApiFixture api, String localAddress) throws Exception {
        socket = (SSLSocket) TestTls.client().getSocketFactory().createSocket();
        socket.setTcpNoDelay(true);
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", api.server.port()), 10_000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    Answer post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        out.write(request.toByteArray());
        out.flush();
        return read();
    }

    /** One response with a Content-Length, as the API sends them. */
    private Answer read() throws IOException {
        String statusLine = line();
        int length = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(header.indexOf(':') + 1).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the server closed the connection mid-response");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
