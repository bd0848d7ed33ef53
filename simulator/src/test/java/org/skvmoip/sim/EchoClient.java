package org.skvmoip.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A host program talking to a simulated module's echo service over real loopback TCP. */
final class EchoClient implements AutoCloseable {

    static final String GREETING = "SKVMOIP module echo service: what you send comes back.\r\n";

    final Socket socket;
    final InputStream in;

    private EchoClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /**
     * Connects, retrying while the module is between connections (it listens again only once
     * it has noticed the previous one ended), and reads the greeting.
     */
    static EchoClient connect(SimulatedModule module) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            int port = module.echoTcpPort();
            if (port > 0) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                    socket.setSoTimeout(10_000);
                    EchoClient client = new EchoClient(socket);
                    String greeting = new String(client.readExactly(GREETING.length()), StandardCharsets.US_ASCII);
                    if (!greeting.equals(GREETING)) {
                        throw new AssertionError("unexpected greeting: " + greeting);
                    }
                    return client;
                } catch (ConnectException refused) {
                    socket.close();
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("module " + module.index() + " did not accept a connection within 5 s");
            }
            Thread.sleep(10);
        }
    }

    byte[] readExactly(int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length != n) {
            throw new IOException("connection ended after " + data.length + " of " + n + " bytes");
        }
        return data;
    }

    void send(byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
    }

    /** Everything until the module closes the connection. */
    byte[] readToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
