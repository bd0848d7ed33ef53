package org.skvmoip.server.module;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.skvmoip.protocol.ErrorPayload;
import org.skvmoip.protocol.MessageType;
import org.skvmoip.protocol.Protocol;
import org.skvmoip.protocol.ProtocolError;
import org.skvmoip.protocol.ServerSession;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.protocol.Status;
import org.skvmoip.server.config.ModuleAddress;
import org.skvmoip.server.module.AdoptionException.Reason;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The connection side of a {@link ModuleLink}, confined to its event loop: connects, feeds the
 * {@link ServerSession} what arrives, answers HELLO (authenticate, or adopt when asked), keeps
 * the session alive at its deadlines, and when a connection ends reports why and schedules the
 * next attempt ({@link Backoff}, reset whenever a connection reached the module's HELLO).
 *
 * <p>Every method except the two volatile reads ({@link #isSendable}, {@link #moduleId}) must run
 * on the event loop.
 */
final class LinkSession implements LinkConnection.Events {

    /** Beyond a LAN's round trip by far; the module's own handshake bound. */
    static final int CONNECT_TIMEOUT_MILLIS = Protocol.HANDSHAKE_TIMEOUT_MILLIS;

    private static final System.Logger LOG = System.getLogger(ModuleLink.class.getName());
    private static final int READ_CHUNK = 512;

    /** A secret to give the module at the next HELLO, and who waits for the outcome. */
    record Adoption(byte[] secret, CompletableFuture<String> result) {
    }

    private final String machine;
    private final ModuleAddress address;
    private final String where;
    private final EventLoop loop;
    private final Consumer<ModuleStatus> publish;
    private final ServerSession session = new ServerSession(new JcaCrypto());
    private final Backoff backoff = new Backoff(() -> ThreadLocalRandom.current().nextDouble());
    private final byte[] input = new byte[READ_CHUNK];
    private volatile boolean sendable;
    private volatile String moduleId = "";
    private volatile int attempts;
    private volatile long lastRetryDelayMillis = -1;

    private byte[] secret;
    private LinkConnection connection;
    private ScheduledFuture<?> tickTask;
    private long tickAt;
    private ScheduledFuture<?> retryTask;
    private Adoption adoption;
    private String lastLogged = "";
    private boolean closed;

    /** @param publish where status changes go (called on the event loop) */
    LinkSession(String machine, ModuleAddress address, byte[] secret, EventLoop loop, Consumer<ModuleStatus> publish) {
        this.machine = machine;
        this.address = address;
        this.where = address.toString();
        this.secret = secret;
        this.loop = loop;
        this.publish = publish;
    }

    boolean isSendable() {
        return sendable;
    }

    String moduleId() {
        return moduleId;
    }

    int attempts() {
        return attempts;
    }

    long lastRetryDelayMillis() {
        return lastRetryDelayMillis;
    }

    /** Queues one frame ({@code frame} returns its length or a negative error) and writes it; false without a session. */
    boolean send(ToIntFunction<ServerSession> frame) {
        LinkConnection c = connection;
        // The session may have ended between the caller's check and this task: the module released
        // everything then, so dropping the frame loses nothing a reconnect would need.
        if (!sendable || c == null || frame.applyAsInt(session) < 0) {
            return false;
        }
        flush(c);
        return true;
    }

    /** Connects unless connected, closed, or without a secret to authenticate or give. */
    void connect() {
        retryTask = null;
        if (closed || connection != null || (secret == null && adoption == null)) {
            return;
        }
        LinkConnection c = new LinkConnection(this, where);
        connection = c;
        attempts++;
        ChannelFuture connecting = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(c)
                .connect(address.host(), address.port());
        connecting.addListener((ChannelFuture done) -> {
            if (!done.isSuccess()) {
                ended(c, LinkProblems.connection(where, done.cause()));
            }
        });
    }

    /** Starts an adoption on a fresh connection, or refuses it through its future. */
    void adopt(Adoption next) {
        if (closed) {
            next.result().completeExceptionally(new AdoptionException(Reason.UNREACHABLE, LinkProblems.closedByServer(where)));
        } else if (adoption != null) {
            next.result().completeExceptionally(new AdoptionException(Reason.BUSY,
                    "an adoption of module " + where + " is already running; wait for it to end"));
        } else if (sendable) {
            next.result().completeExceptionally(new AdoptionException(Reason.ALREADY_ADOPTED,
                    "module " + where + " is already adopted by this server and online"));
        } else {
            LinkConnection c = connection;
            if (c != null) {
                ended(c, LinkProblems.connecting(where));
            }
            cancelRetry();
            adoption = next;
            connect();
        }
    }

    /** Ends the session for good; the module releases every key and button itself. */
    void close() {
        closed = true;
        cancelRetry();
        LinkConnection c = connection;
        if (c != null) {
            ended(c, LinkProblems.closedByServer(where));
        }
        failAdoption(new AdoptionException(Reason.UNREACHABLE, LinkProblems.closedByServer(where)));
        publish.accept(ModuleStatus.offline(LinkProblems.closedByServer(where)));
    }

    // ---- connection events ----

    @Override
    public void opened(LinkConnection c) {
        if (c != connection) {
            return;
        }
        session.open(now());
        scheduleTick();
    }

    @Override
    public void received(LinkConnection c, ByteBuf bytes) {
        try {
            while (c == connection && bytes.isReadable()) {
                int n = Math.min(bytes.readableBytes(), input.length);
                bytes.readBytes(input, 0, n);
                feed(c, n);
            }
        } finally {
            bytes.release();
        }
        if (c == connection) {
            scheduleTick();
        }
    }

    /** The connection {@code c} is over (any cause); the first report for it wins. */
    @Override
    public void ended(LinkConnection c, String problem) {
        if (c != connection) {
            return;
        }
        connection = null;
        sendable = false;
        session.close();
        cancelTick();
        if (c.channel() != null) {
            c.channel().close();
        }
        failAdoption(new AdoptionException(Reason.UNREACHABLE, "could not adopt: " + problem));
        publish.accept(ModuleStatus.offline(problem));
        if (!closed && secret != null) {
            long delay = backoff.nextMillis();
            lastRetryDelayMillis = delay;
            retryTask = loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
            logOnce(problem + "; retrying in " + delay + " ms", problem);
        }
    }

    // ---- the session ----

    /** Feeds {@code input[0, n)} frame by frame; stops when the session ends. */
    private void feed(LinkConnection c, int n) {
        int off = 0;
        while (off < n && c == connection) {
            int result = session.feed(input, off, n - off, now());
            int consumed = session.consumed();
            if (result < 0) {
                failed(c, result);
                return;
            }
            handle(c, result);
            flush(c);
            if (consumed <= 0) {
                return;
            }
            off += consumed;
        }
    }

    private void handle(LinkConnection c, int event) {
        switch (event) {
            case SessionEvent.HELLO -> hello(c);
            case SessionEvent.AUTHENTICATED -> authenticated();
            case SessionEvent.MESSAGE -> {
                if (session.messageType() == MessageType.STATUS) {
                    statusReceived();
                }
            }
            default -> {
                // keep-alives and handshake steps: nothing to do here
            }
        }
    }

    private void hello(LinkConnection c) {
        backoff.reset(); // the module answers: whatever happens next, the next attempt need not wait long
        byte[] id = new byte[Protocol.MODULE_ID_LENGTH];
        session.moduleId(id, 0);
        moduleId = ModuleIds.hex(id, 0, id.length);
        boolean moduleHasSecret = session.isModuleAdopted();
        if (adoption != null && moduleHasSecret) {
            failAdoption(new AdoptionException(Reason.ALREADY_ADOPTED, LinkProblems.alreadyAdopted(where)));
        }
        int result;
        if (adoption != null) {
            result = session.adopt(adoption.secret(), 0);
        } else if (secret == null) {
            result = session.end(moduleHasSecret ? ProtocolError.ALREADY_ADOPTED : ProtocolError.NOT_ADOPTED, 0);
        } else if (!moduleHasSecret) {
            result = session.end(ProtocolError.NOT_ADOPTED, 0);
        } else {
            result = session.authenticate(secret, 0);
        }
        if (result < 0) {
            failed(c, result);
        }
    }

    private void authenticated() {
        if (adoption != null) {
            secret = adoption.secret();
            Adoption done = adoption;
            adoption = null;
            done.result().complete(moduleId);
        }
        sendable = true;
        // The module pushes STATUS on change; ask once so the first state is known at once.
        session.sendStatusRequest();
    }

    private void statusReceived() {
        byte[] b = session.messageBuffer();
        int p = session.messageOffset();
        int flags = Status.flags(b, p);
        ModuleStatus status = new ModuleStatus(true, (flags & Status.FLAG_POWER_LED) != 0,
                (flags & Status.FLAG_HDD_LED) != 0, Status.hddActivity(b, p), Status.keyboardLeds(b, p),
                (flags & Status.FLAG_USB_CONFIGURED) != 0, (flags & Status.FLAG_USB_SUSPENDED) != 0, "");
        logOnce("online", "");
        publish.accept(status);
    }

    /** The session ended with {@code code}: tell the module (the session queued ERROR where it could), then close. */
    private void failed(LinkConnection c, int code) {
        int peerCode = code == ProtocolError.PEER_ERROR
                ? ErrorPayload.code(session.messageBuffer(), session.messageOffset()) : 0;
        String problem = code == ProtocolError.ALREADY_ADOPTED ? LinkProblems.alreadyAdopted(where)
                : LinkProblems.ended(where, code, peerCode);
        flush(c);
        ended(c, problem);
    }

    private void failAdoption(AdoptionException why) {
        if (adoption != null) {
            Adoption failed = adoption;
            adoption = null;
            failed.result().completeExceptionally(why);
        }
    }

    // ---- keep-alive clock ----

    private void scheduleTick() {
        long deadline = session.nextDeadline();
        if (deadline == Long.MAX_VALUE || (tickTask != null && tickAt <= deadline)) {
            return;
        }
        cancelTick();
        tickAt = deadline;
        tickTask = loop.schedule(this::tick, Math.max(0, deadline - now()), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        tickTask = null;
        LinkConnection c = connection;
        if (c == null) {
            return;
        }
        int result = session.tick(now());
        if (result < 0) {
            failed(c, result);
            return;
        }
        flush(c);
        scheduleTick();
    }

    private void cancelTick() {
        if (tickTask != null) {
            tickTask.cancel(false);
            tickTask = null;
        }
    }

    private void cancelRetry() {
        if (retryTask != null) {
            retryTask.cancel(false);
            retryTask = null;
        }
    }

    /** Writes what the session queued; the session's buffer is then free for the next frame. */
    private void flush(LinkConnection c) {
        int length = session.outputLength();
        if (length == 0) {
            return;
        }
        c.channel().writeAndFlush(Unpooled.copiedBuffer(session.output(), 0, length))
                .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        session.outputSent(length);
    }

    /** Logs a change of state once, not at every retry of the same problem. */
    private void logOnce(String message, String state) {
        if (!state.equals(lastLogged)) {
            lastLogged = state;
            LOG.log(state.isEmpty() ? Level.INFO : Level.WARNING, "machine " + machine + ": " + message);
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000L;
    }
}
