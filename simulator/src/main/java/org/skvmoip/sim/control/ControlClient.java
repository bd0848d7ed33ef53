package org.skvmoip.sim.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.skvmoip.protocol.ErrorPayload;
import org.skvmoip.protocol.MessageType;
import org.skvmoip.protocol.ProtocolError;
import org.skvmoip.protocol.ServerSession;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.protocol.Status;
import org.skvmoip.sim.board.JdkCrypto;

/**
 * A server's side of one real TCP connection to a module's control port
 * (docs/protocol.md), for tests, tools and benchmarks: the shared {@link ServerSession} codec, a reader thread that
 * feeds it, and a ticker that sends keep-alives (on by default; {@link #stopKeepAlives()} lets a
 * test make the module time the session out).
 *
 * <p>Every send throws {@link IllegalStateException} when the session refuses it (not authenticated,
 * ended), so a test never silently sends into a dead connection. Waits are bounded and fail with
 * what the client saw.
 */
public final class ControlClient implements AutoCloseable {

    /** How long {@link #connect} keeps retrying while the module is between sessions (re-listening). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Handshake, status and close waits when a test gives none. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private static final long TICK_MILLIS = 50;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ServerSession session = new ServerSession(new JdkCrypto());
    private final Object lock = new Object();
    private final List<StatusView> statuses = new ArrayList<>();
    private final List<byte[]> sentFrames = new ArrayList<>();
    private final Thread reader;
    private final Thread ticker;

    // guarded by lock
    private boolean helloReceived;
    private byte[] moduleId;
    private int firmwareVersion;
    private boolean moduleAdopted;
    private boolean authenticated;
    private boolean secretChanged;
    /** The module's ERROR code (negative), or 0 while it sent none. */
    private int peerError;
    /** The error our own session detected (negative), or 0. */
    private int localError;
    /** The connection reached EOF or failed. */
    private boolean connectionEnded;
    private volatile boolean keepAlives = true;
    private volatile boolean closing;

    /** What one STATUS said (docs/protocol.md §4.5). */
    public record StatusView(int flags, int keyboardLeds, int hddActivity) {

        public boolean powerLed() {
            return (flags & Status.FLAG_POWER_LED) != 0;
        }

        public boolean hddLed() {
            return (flags & Status.FLAG_HDD_LED) != 0;
        }

        public boolean link() {
            return (flags & Status.FLAG_LINK) != 0;
        }

        public boolean usbConfigured() {
            return (flags & Status.FLAG_USB_CONFIGURED) != 0;
        }

        public boolean usbSuspended() {
            return (flags & Status.FLAG_USB_SUSPENDED) != 0;
        }

        public boolean bootProtocol() {
            return (flags & Status.FLAG_BOOT_PROTOCOL) != 0;
        }

        public boolean capsLock() {
            return (keyboardLeds & Status.LED_CAPS_LOCK) != 0;
        }

        public boolean numLock() {
            return (keyboardLeds & Status.LED_NUM_LOCK) != 0;
        }

        public boolean scrollLock() {
            return (keyboardLeds & Status.LED_SCROLL_LOCK) != 0;
        }
    }

    private ControlClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        session.open(now());
        reader = new Thread(this::readLoop, "control-client-reader");
        reader.setDaemon(true);
        ticker = new Thread(this::tickLoop, "control-client-ticker");
        ticker.setDaemon(true);
        reader.start();
        ticker.start();
    }

    /** Connects to a fixed host port, retrying while the port refuses (the module is between sessions). */
    public static ControlClient connect(int port) throws IOException, InterruptedException {
        return connect(() -> port);
    }

    /**
     * One connection attempt from {@code sourceAddress} (a loopback address: 127.0.0.1 is the
     * server's), as a server makes one per retry; refused means refused. The wait is long: the
     * host listener's backlog is one, like the chip's, so on a loaded machine a SYN may need the
     * kernel's retransmission before the model's accept thread takes the one before it.
     */
    public static ControlClient connectOnce(String sourceAddress, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) DEFAULT_WAIT.toMillis());
            return new ControlClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Connects to the port {@code port} names at each try: a module on ephemeral host ports
     * listens on a new one for every session, so pass {@code module::controlPort}.
     */
    public static ControlClient connect(IntSupplier port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            int p = port.getAsInt();
            if (p > 0) {
                Socket socket = new Socket();
                try {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress("127.0.0.1", p), 1_000);
                    return new ControlClient(socket);
                } catch (ConnectException refused) {
                    last = refused;
                    socket.close();
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the module's control port did not accept a connection within " + CONNECT_TIMEOUT,
                last);
    }

    // ---- handshake ----

    /** Waits for HELLO, then authenticates with {@code secret}; fails the test unless the session comes up. */
    public ControlClient authenticate(byte[] secret) throws InterruptedException {
        int result = tryAuthenticate(secret, DEFAULT_WAIT);
        if (result != SessionEvent.AUTHENTICATED) {
            throw new IllegalStateException("authentication failed: " + describe(result) + "; " + this);
        }
        return this;
    }

    /** Waits for HELLO, sends ADOPT(secret) and authenticates with it; fails the test unless the session comes up. */
    public ControlClient adopt(byte[] secret) throws InterruptedException {
        awaitHello(DEFAULT_WAIT);
        synchronized (lock) {
            check(session.adopt(secret, 0), "ADOPT");
            flush();
        }
        int result = awaitHandshakeEnd(DEFAULT_WAIT);
        if (result != SessionEvent.AUTHENTICATED) {
            throw new IllegalStateException("adoption failed: " + describe(result) + "; " + this);
        }
        return this;
    }

    /**
     * Waits for HELLO, sends AUTH with {@code secret}, waits for the outcome.
     *
     * @return {@link SessionEvent#AUTHENTICATED}, or the error code that ended the session (the
     *         module's ERROR code when it sent one)
     */
    public int tryAuthenticate(byte[] secret, Duration wait) throws InterruptedException {
        awaitHello(wait);
        synchronized (lock) {
            int queued = session.authenticate(secret, 0);
            if (queued < 0) {
                return queued;
            }
            flush();
        }
        return awaitHandshakeEnd(wait);
    }

    /** Waits for the module's HELLO. */
    public void awaitHello(Duration wait) throws InterruptedException {
        waitUntil(() -> helloReceived || connectionEnded, wait, "HELLO");
        synchronized (lock) {
            if (!helloReceived) {
                throw new IllegalStateException("the connection ended before HELLO; " + this);
            }
        }
    }

    private int awaitHandshakeEnd(Duration wait) throws InterruptedException {
        waitUntil(() -> authenticated || ended(), wait, "the end of the handshake");
        synchronized (lock) {
            return authenticated && !ended() ? SessionEvent.AUTHENTICATED : endCode();
        }
    }

    public byte[] moduleId() {
        synchronized (lock) {
            return moduleId == null ? null : moduleId.clone();
        }
    }

    public int firmwareVersion() {
        synchronized (lock) {
            return firmwareVersion;
        }
    }

    public boolean moduleAdopted() {
        synchronized (lock) {
            return moduleAdopted;
        }
    }

    // ---- messages ----

    /** KEYBOARD: the whole key state (docs/protocol.md §4.1). */
    public void keyboard(int modifiers, int... usages) {
        byte[] keys = toBytes(usages);
        send("KEYBOARD", () -> session.sendKeyboard(modifiers, keys, 0, keys.length));
    }

    public void mouseRelative(int buttons, int dx, int dy, int wheel, int hwheel) {
        send("MOUSE_RELATIVE", () -> session.sendMouseRelative(buttons, dx, dy, wheel, hwheel));
    }

    public void mouseAbsolute(int buttons, int x, int y, int wheel, int hwheel) {
        send("MOUSE_ABSOLUTE", () -> session.sendMouseAbsolute(buttons, x, y, wheel, hwheel));
    }

    /** POWER: {@link org.skvmoip.protocol.Power#SHORT_PRESS}, LONG_PRESS or RESET. */
    public void power(int action) {
        send("POWER", () -> session.sendPower(action));
    }

    public void releaseAll() {
        send("RELEASE_ALL", session::sendReleaseAll);
    }

    public void requestStatus() {
        send("STATUS_REQUEST", session::sendStatusRequest);
    }

    public void keepAlive() {
        send("KEEPALIVE", session::sendKeepAlive);
    }

    public void setSecret(byte[] newSecret) {
        send("SET_SECRET", () -> session.sendSetSecret(newSecret, 0));
    }

    /**
     * Seals a KEYBOARD frame under the session (its sequence number is used up) and returns its
     * bytes without sending them, for a test to damage and {@link #sendRaw}.
     */
    public byte[] sealKeyboard(int modifiers, int... usages) {
        byte[] keys = toBytes(usages);
        synchronized (lock) {
            int from = session.outputLength();
            int length = check(session.sendKeyboard(modifiers, keys, 0, keys.length), "KEYBOARD");
            byte[] frame = Arrays.copyOfRange(session.output(), from, from + length);
            // Withhold it: anything queued before it still goes out, then the frame leaves the queue unsent.
            byte[] before = Arrays.copyOf(session.output(), from);
            session.outputSent(session.outputLength());
            writeQuietly(before);
            return frame;
        }
    }

    /** Every complete frame this client has written to the socket through the session, oldest first. */
    public List<byte[]> sentFrames() {
        synchronized (lock) {
            return List.copyOf(sentFrames);
        }
    }

    /** Writes bytes as they are, around the session (malformed input, replays, damaged frames). */
    public void sendRaw(byte[] bytes) {
        synchronized (lock) {
            writeQuietly(bytes);
        }
    }

    /** Half-closes: the module sees the end of the stream (a truncated frame stays truncated). */
    public void shutdownOutput() throws IOException {
        synchronized (lock) {
            socket.shutdownOutput();
        }
    }

    /** From now on this client sends nothing unless the test does; the module will time out in 3 s. */
    public void stopKeepAlives() {
        keepAlives = false;
    }

    public void startKeepAlives() {
        keepAlives = true;
    }

    // ---- what came back ----

    /** Every STATUS received so far, oldest first. */
    public List<StatusView> statuses() {
        synchronized (lock) {
            return List.copyOf(statuses);
        }
    }

    /** The last STATUS received, or null. */
    public StatusView lastStatus() {
        synchronized (lock) {
            return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
        }
    }

    /**
     * Waits until a STATUS received so far, or arriving within {@code wait}, matches; returns the
     * first that does. Searches from the newest, so an old STATUS only counts if nothing newer matches.
     */
    public StatusView awaitStatus(Predicate<StatusView> wanted, Duration wait) throws InterruptedException {
        StatusView[] found = new StatusView[1];
        waitUntil(() -> {
            for (int i = statuses.size() - 1; i >= 0; i--) {
                if (wanted.test(statuses.get(i))) {
                    found[0] = statuses.get(i);
                    return true;
                }
            }
            return false;
        }, wait, () -> "a matching STATUS (received: " + statuses + ")");
        return found[0];
    }

    /**
     * Sends STATUS_REQUEST and returns the first STATUS received after it was sent (the answer,
     * or a push that overtook it: either tells the state as of now).
     */
    public StatusView fetchStatus(Duration wait) throws InterruptedException {
        int from;
        synchronized (lock) {
            from = statuses.size();
            requestStatus();
        }
        return awaitStatusFrom(from, s -> true, wait);
    }

    /** Like {@link #awaitStatus} but only STATUS frames received after this call count. */
    public StatusView awaitNextStatus(Predicate<StatusView> wanted, Duration wait) throws InterruptedException {
        int from;
        synchronized (lock) {
            from = statuses.size();
        }
        return awaitStatusFrom(from, wanted, wait);
    }

    private StatusView awaitStatusFrom(int from, Predicate<StatusView> wanted, Duration wait)
            throws InterruptedException {
        StatusView[] found = new StatusView[1];
        waitUntil(() -> {
            for (int i = from; i < statuses.size(); i++) {
                if (wanted.test(statuses.get(i))) {
                    found[0] = statuses.get(i);
                    return true;
                }
            }
            return false;
        }, wait, () -> "a new matching STATUS (received: " + statuses + ")");
        return found[0];
    }

    /**
     * Waits until the module has ended the session and closed the connection.
     *
     * @return the module's ERROR code (a negative {@link ProtocolError}) if it sent one, else
     *         {@link ProtocolError#SESSION_CLOSED}
     */
    public int awaitClosed(Duration wait) throws InterruptedException {
        waitUntil(() -> connectionEnded, wait, "the module to close the connection");
        synchronized (lock) {
            return peerError != 0 ? peerError : ProtocolError.SESSION_CLOSED;
        }
    }

    /** Whether the module answered SET_SECRET with SECRET_CHANGED. */
    public boolean secretChanged() {
        synchronized (lock) {
            return secretChanged;
        }
    }

    public boolean isAuthenticated() {
        synchronized (lock) {
            return authenticated && !ended();
        }
    }

    public boolean isConnectionEnded() {
        synchronized (lock) {
            return connectionEnded;
        }
    }

    @Override
    public void close() {
        closing = true;
        keepAlives = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        synchronized (lock) {
            session.close();
            lock.notifyAll();
        }
        ticker.interrupt();
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "ControlClient[hello=" + helloReceived + ", authenticated=" + authenticated + ", peerError="
                    + describe(peerError) + ", localError=" + describe(localError) + ", connectionEnded="
                    + connectionEnded + ", statuses=" + statuses.size() + "]";
        }
    }

    public static String describe(int code) {
        if (code == 0) {
            return "none";
        }
        if (code == SessionEvent.AUTHENTICATED) {
            return "AUTHENTICATED";
        }
        return code + " (" + (ProtocolError.isDefined(code) ? ProtocolError.describe(code) : "?") + ")";
    }

    // ---- threads ----

    private void readLoop() {
        byte[] buffer = new byte[512];
        try {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                synchronized (lock) {
                    feed(buffer, n);
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            // reset or closed by us: the connection is over either way
        } finally {
            synchronized (lock) {
                connectionEnded = true;
                session.close();
                lock.notifyAll();
            }
        }
    }

    /** Feeds one read's bytes frame by frame; bytes after the session ended are ignored. */
    private void feed(byte[] buffer, int n) {
        int off = 0;
        while (off < n && session.isOpen()) {
            int result = session.feed(buffer, off, n - off, now());
            int consumed = session.consumed();
            if (result < 0) {
                if (result == ProtocolError.PEER_ERROR) {
                    peerError = ErrorPayload.code(session.messageBuffer(), session.messageOffset());
                } else {
                    localError = result;
                }
                flush(); // our own ERROR, if the session queued one
                return;
            }
            handle(result);
            flush();
            if (consumed <= 0) {
                return;
            }
            off += consumed;
        }
    }

    private void handle(int event) {
        switch (event) {
            case SessionEvent.HELLO -> {
                byte[] id = new byte[org.skvmoip.protocol.Protocol.MODULE_ID_LENGTH];
                session.moduleId(id, 0);
                moduleId = id;
                firmwareVersion = session.firmwareVersion();
                moduleAdopted = session.isModuleAdopted();
                helloReceived = true;
            }
            case SessionEvent.AUTHENTICATED -> authenticated = true;
            case SessionEvent.SECRET_CHANGED -> secretChanged = true;
            case SessionEvent.MESSAGE -> {
                if (session.messageType() == MessageType.STATUS) {
                    byte[] b = session.messageBuffer();
                    int p = session.messageOffset();
                    statuses.add(new StatusView(Status.flags(b, p), Status.keyboardLeds(b, p),
                            Status.hddActivity(b, p)));
                }
            }
            default -> {
                // NONE, HANDLED (keep-alive)
            }
        }
    }

    private void tickLoop() {
        while (!closing) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!keepAlives) {
                continue;
            }
            synchronized (lock) {
                if (!session.isOpen() || !authenticated) {
                    continue;
                }
                int result = session.tick(now());
                if (result < 0) {
                    localError = result;
                }
                flush();
                lock.notifyAll();
            }
        }
    }

    // ---- helpers (call with lock held where noted) ----

    private interface Sender {
        int queue();
    }

    private void send(String what, Sender sender) {
        synchronized (lock) {
            int from = session.outputLength();
            int length = check(sender.queue(), what);
            sentFrames.add(Arrays.copyOfRange(session.output(), from, from + length));
            flush();
        }
    }

    private int check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException("cannot send " + what + ": " + describe(result) + "; " + this);
        }
        return result;
    }

    /** Writes the session's queued output; lock held. */
    private void flush() {
        int length = session.outputLength();
        if (length == 0) {
            return;
        }
        byte[] bytes = Arrays.copyOf(session.output(), length);
        session.outputSent(length);
        writeQuietly(bytes);
    }

    private void writeQuietly(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            if (!connectionEnded && !closing) {
                throw new UncheckedIOException("writing to the module failed; " + this, e);
            }
        }
    }

    private boolean ended() {
        return connectionEnded || peerError != 0 || localError != 0 || !session.isOpen();
    }

    private int endCode() {
        if (peerError != 0) {
            return peerError;
        }
        return localError != 0 ? localError : ProtocolError.SESSION_CLOSED;
    }

    private interface Condition {
        boolean holds();
    }

    /** Waits on the lock until {@code condition} (evaluated with the lock held) holds; fails after {@code wait}. */
    private void waitUntil(Condition condition, Duration wait, String what) throws InterruptedException {
        waitUntil(condition, wait, () -> what);
    }

    private void waitUntil(Condition condition, Duration wait, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            while (!condition.holds()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("waited " + wait.toMillis() + " ms for " + what.get() + "; " + this);
                }
                lock.wait(Math.max(1, left / 1_000_000L));
            }
        }
    }

    private static byte[] toBytes(int[] usages) {
        byte[] keys = new byte[usages.length];
        for (int i = 0; i < usages.length; i++) {
            keys[i] = (byte) usages[i];
        }
        return keys;
    }

    private static long now() {
        return System.nanoTime() / 1_000_000L;
    }
}
