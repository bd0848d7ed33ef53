package org.skvmoip.sim.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

import org.skvmoip.protocol.MessageType;
import org.skvmoip.protocol.ProtocolError;
import org.skvmoip.protocol.ServerSession;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.protocol.Status;
import org.skvmoip.sim.board.JdkCrypto;

/**
 * A server's side of one control connection to a module, over a real socket: the handshake
 * (authenticate, or adopt an unadopted module), then input and power messages written at once.
 * A reader thread answers keep-alives and keeps the last STATUS. For tools and benchmarks; the
 * encoder server has its own module link.
 */
public final class ControlConnection implements AutoCloseable {

    private static final int HANDSHAKE_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ServerSession session = new ServerSession(new JdkCrypto());
    private final Thread reader;
    private volatile int statusFlags = -1;
    private volatile int keyboardLeds = -1;
    private volatile int endedWith;

    private ControlConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        reader = new Thread(this::readLoop, "control-reader-" + port);
        reader.setDaemon(true);
    }

    /** Connects and authenticates with {@code secret}, adopting the module with it if it has none. */
    public static ControlConnection open(int port, byte[] secret) throws IOException {
        ControlConnection connection = new ControlConnection(port);
        try {
            connection.handshake(secret);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.reader.start();
        return connection;
    }

    private void handshake(byte[] secret) throws IOException {
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
        session.open(System.currentTimeMillis());
        byte[] buffer = new byte[256];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the module closed the connection during the handshake");
            }
            for (int off = 0; off < n; ) {
                int event;
                synchronized (session) {
                    event = session.feed(buffer, off, n - off, System.currentTimeMillis());
                    off += session.consumed();
                    if (event == SessionEvent.HELLO) {
                        check(session.isModuleAdopted() ? session.authenticate(secret, 0) : session.adopt(secret, 0));
                    }
                }
                check(event);
                flush();
                if (event == SessionEvent.AUTHENTICATED) {
                    socket.setSoTimeout(0);
                    return;
                }
            }
        }
    }

    public void keyboard(int modifiers, byte[] usages, int count) throws IOException {
        synchronized (session) {
            check(session.sendKeyboard(modifiers, usages, 0, count));
        }
        flush();
    }

    public void mouseAbsolute(int buttons, int x, int y) throws IOException {
        synchronized (session) {
            check(session.sendMouseAbsolute(buttons, x, y, 0, 0));
        }
        flush();
    }

    public void power(int action) throws IOException {
        synchronized (session) {
            check(session.sendPower(action));
        }
        flush();
    }

    /** The flags of the last STATUS ({@code Status.FLAG_*}), -1 before the first. */
    public int statusFlags() {
        return statusFlags;
    }

    /** The target's keyboard LEDs from the last STATUS, -1 before the first. */
    public int keyboardLeds() {
        return keyboardLeds;
    }

    /** 0 while the session lasts; then the {@link ProtocolError} (or end of stream) that ended it. */
    public int endedWith() {
        return endedWith;
    }

    private void readLoop() {
        byte[] buffer = new byte[256];
        try {
            while (endedWith == 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    endedWith = ProtocolError.SESSION_CLOSED;
                    return;
                }
                for (int off = 0; off < n; ) {
                    synchronized (session) {
                        int event = session.feed(buffer, off, n - off, System.currentTimeMillis());
                        off += session.consumed();
                        if (event < 0) {
                            endedWith = event;
                            return;
                        }
                        if (event == SessionEvent.MESSAGE && session.messageType() == MessageType.STATUS) {
                            statusFlags = Status.flags(session.messageBuffer(), session.messageOffset());
                            keyboardLeds = Status.keyboardLeds(session.messageBuffer(), session.messageOffset());
                        }
                        session.tick(System.currentTimeMillis());
                    }
                }
                flush();
            }
        } catch (IOException closed) {
            endedWith = ProtocolError.SESSION_CLOSED;
        }
    }

    private void flush() throws IOException {
        synchronized (session) {
            int pending = session.outputLength();
            if (pending > 0) {
                out.write(session.output(), 0, pending);
                session.outputSent(pending);
            }
        }
    }

    private static void check(int result) throws IOException {
        if (result < 0) {
            throw new IOException("control session failed: " + ProtocolError.describe(result));
        }
    }

    @Override
    public void close() throws IOException {
        endedWith = endedWith == 0 ? ProtocolError.SESSION_CLOSED : endedWith;
        socket.close();
    }
}
