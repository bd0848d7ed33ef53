package org.skvmoip.server.module;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

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
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One machine's link to its module: a TCP connection to the module's control port carrying one
 * authenticated session (docs/protocol.md), kept up for as long as the link is open. When a
 * session ends for any reason the status goes offline with the reason in words, and the link
 * reconnects after a {@link Backoff} delay, reset once a session has lasted {@link #LASTED_MILLIS}.
 *
 * <p>Threads: everything about the connection and the {@link ServerSession} runs on one Netty
 * event loop; the sends may be called from any thread and hop onto it, in call order. Status
 * listeners run on that event loop too, so they must be quick and must not block.
 */
public final class ModuleLink implements MachineControl, AutoCloseable {

    /** A session authenticated this long counted as working: the next failure retries quickly again. */
    static final long LASTED_MILLIS = 10_000;
    /** Beyond the LAN's round trip by far; matches the module's own handshake bound. */
    static final int CONNECT_TIMEOUT_MILLIS = Protocol.HANDSHAKE_TIMEOUT_MILLIS;

    private static final System.Logger LOG = System.getLogger(ModuleLink.class.getName());
    private static final int READ_CHUNK = 512;

    private final String machine;
    private final ModuleAddress address;
    private final String where;
    private final EventLoop loop;
    private final ServerSession session = new ServerSession(new JcaCrypto());
    private final Backoff backoff = new Backoff(() -> ThreadLocalRandom.current().nextDouble());
    private final CopyOnWriteArrayList<Consumer<ModuleStatus>> listeners = new CopyOnWriteArrayList<>();
    private final byte[] input = new byte[READ_CHUNK];
    private volatile ModuleStatus status;
    private volatile boolean sendable;
    private volatile String moduleId = "";

    // Confined to the event loop.
    private byte[] secret;
    private Connection connection;
    private ScheduledFuture<?> tickTask;
    private long tickAt;
    private ScheduledFuture<?> retryTask;
    private Adoption adoption;
    private long authenticatedAt = -1;
    private String lastLogged = "";
    private boolean closed;

    private record Adoption(byte[] secret, CompletableFuture<String> result) {
    }

    /**
     * A link that is not connecting yet ({@link #start}).
     *
     * @param secret the module's secret; empty for a module not adopted yet (the link then waits for {@link #adopt})
     * @param group  the event loops shared by all links; this link stays on one of them
     */
    public ModuleLink(String machine, ModuleAddress address, Optional<byte[]> secret, EventLoopGroup group) {
        this.machine = machine;
        this.address = address;
        this.where = address.toString();
        this.loop = group.next();
        this.secret = secret.map(byte[]::clone).orElse(null);
        if (this.secret != null && this.secret.length != Protocol.SECRET_LENGTH) {
            throw new IllegalArgumentException("the stored secret of machine " + machine + " is " + this.secret.length
                    + " bytes; a module secret is " + Protocol.SECRET_LENGTH + " (adopt the module again)");
        }
        this.status = ModuleStatus.offline(this.secret == null ? LinkProblems.notAdopted(where)
                : LinkProblems.connecting(where));
    }

    /** Starts connecting (nothing happens for a module without a secret until {@link #adopt}). */
    public ModuleLink start() {
        onLoop(this::connect);
        return this;
    }

    @Override
    public String machine() {
        return machine;
    }

    public ModuleAddress address() {
        return address;
    }

    /** The id the module gave in its last HELLO (24 hex digits); empty before the first. */
    public String moduleId() {
        return moduleId;
    }

    @Override
    public ModuleStatus status() {
        return status;
    }

    @Override
    public AutoCloseable onStatus(Consumer<ModuleStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- sends: false when no authenticated session is up ----

    @Override
    public boolean keyboard(int modifiers, byte[] usages, int count) {
        if (count < 0 || count > usages.length) {
            throw new IllegalArgumentException("keyboard: " + count + " keys given in an array of " + usages.length);
        }
        byte[] keys = Arrays.copyOf(usages, count);
        InputChecks.keyboard(modifiers, keys, count);
        return send(() -> session.sendKeyboard(modifiers, keys, 0, count));
    }

    @Override
    public boolean mouseAbsolute(int buttons, int x, int y, int wheel, int hwheel) {
        InputChecks.mouseAbsolute(buttons, x, y, wheel, hwheel);
        return send(() -> session.sendMouseAbsolute(buttons, x, y, wheel, hwheel));
    }

    @Override
    public boolean mouseRelative(int buttons, int dx, int dy, int wheel, int hwheel) {
        InputChecks.mouseRelative(buttons, dx, dy, wheel, hwheel);
        return send(() -> session.sendMouseRelative(buttons, dx, dy, wheel, hwheel));
    }

    @Override
    public boolean power(int action) {
        InputChecks.power(action);
        return send(() -> session.sendPower(action));
    }

    @Override
    public boolean releaseAll() {
        return send(session::sendReleaseAll);
    }

    /**
     * Gives the unadopted module {@code newSecret} in the adoption handshake (docs/protocol.md §8)
     * on a fresh connection, then keeps the session it opens as this link's session. Completes with
     * the module id once the module has authenticated with the new secret; the caller stores it.
     * Fails with an {@link AdoptionException} when the module is already adopted or unreachable.
     */
    public CompletableFuture<String> adopt(byte[] newSecret) {
        if (newSecret.length != Protocol.SECRET_LENGTH) {
            throw new IllegalArgumentException("a module secret is " + Protocol.SECRET_LENGTH + " bytes, not "
                    + newSecret.length);
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        byte[] copy = newSecret.clone();
        boolean queued = onLoop(() -> {
            if (closed) {
                result.completeExceptionally(new AdoptionException(Reason.UNREACHABLE, LinkProblems.closedByServer(where)));
            } else if (adoption != null) {
                result.completeExceptionally(new AdoptionException(Reason.BUSY,
                        "an adoption of module " + where + " is already running; wait for it to end"));
            } else if (sendable) {
                result.completeExceptionally(new AdoptionException(Reason.ALREADY_ADOPTED,
                        "module " + where + " is already adopted by this server and online"));
            } else {
                reconnectNow(new Adoption(copy, result));
            }
        });
        if (!queued) {
            result.completeExceptionally(new AdoptionException(Reason.UNREACHABLE, LinkProblems.closedByServer(where)));
        }
        return result;
    }

    /** Ends the session and stops reconnecting; the module releases every key and button itself. */
    @Override
    public void close() {
        Runnable stop = () -> {
            closed = true;
            cancelRetry();
            Connection c = connection;
            if (c != null) {
                ended(c, LinkProblems.closedByServer(where));
            }
            failAdoption(new AdoptionException(Reason.UNREACHABLE, LinkProblems.closedByServer(where)));
            publish(ModuleStatus.offline(LinkProblems.closedByServer(where)));
        };
        if (loop.inEventLoop()) {
            stop.run();
            return;
        }
        try {
            loop.submit(stop).awaitUninterruptibly(CONNECT_TIMEOUT_MILLIS);
        } catch (RejectedExecutionException e) {
            // The event loops are already shut down, which closed the connection with them.
            sendable = false;
        }
    }

    @Override
    public String toString() {
        return "ModuleLink[" + machine + " -> " + where + ", " + (status.online() ? "online" : status.problem()) + "]";
    }

    // ---- connection life (event loop) ----

    private void connect() {
        retryTask = null;
        if (closed || connection != null || (secret == null && adoption == null)) {
            return;
        }
        Connection c = new Connection();
        connection = c;
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

    private void reconnectNow(Adoption next) {
        Connection c = connection;
        if (c != null) {
            ended(c, LinkProblems.connecting(where));
        }
        cancelRetry();
        adoption = next;
        connect();
    }

    private void opened(Connection c) {
        if (c != connection) {
            return;
        }
        session.open(now());
        scheduleTick();
    }

    private void received(Connection c, ByteBuf bytes) {
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

    /** Feeds {@code input[0, n)} frame by frame; stops when the session ends. */
    private void feed(Connection c, int n) {
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

    private void handle(Connection c, int event) {
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

    private void hello(Connection c) {
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
        authenticatedAt = now();
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
        publish(new ModuleStatus(true, (flags & Status.FLAG_POWER_LED) != 0, (flags & Status.FLAG_HDD_LED) != 0,
                Status.hddActivity(b, p), Status.keyboardLeds(b, p), (flags & Status.FLAG_USB_CONFIGURED) != 0,
                (flags & Status.FLAG_USB_SUSPENDED) != 0, ""));
    }

    /** The session ended with {@code code}: tell the module (the session queued ERROR where it could), then close. */
    private void failed(Connection c, int code) {
        int peerCode = code == ProtocolError.PEER_ERROR
                ? ErrorPayload.code(session.messageBuffer(), session.messageOffset()) : 0;
        String problem = code == ProtocolError.ALREADY_ADOPTED ? LinkProblems.alreadyAdopted(where)
                : LinkProblems.ended(where, code, peerCode);
        flush(c);
        ended(c, problem);
    }

    /** The connection {@code c} is over (any cause); the first report for it wins. */
    private void ended(Connection c, String problem) {
        if (c != connection) {
            return;
        }
        connection = null;
        sendable = false;
        session.close();
        cancelTick();
        if (c.channel != null) { // null only when the channel never registered
            c.channel.close();
        }
        if (authenticatedAt >= 0 && now() - authenticatedAt >= LASTED_MILLIS) {
            backoff.reset();
        }
        authenticatedAt = -1;
        failAdoption(new AdoptionException(Reason.UNREACHABLE, "could not adopt: " + problem));
        publish(ModuleStatus.offline(problem));
        if (!closed && secret != null) {
            long delay = backoff.nextMillis();
            retryTask = loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
            logOnce(problem + "; retrying in " + delay + " ms", problem);
        }
    }

    private void failAdoption(AdoptionException why) {
        if (adoption != null) {
            Adoption failed = adoption;
            adoption = null;
            failed.result().completeExceptionally(why);
        }
    }

    // ---- keep-alive clock (event loop) ----

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
        Connection c = connection;
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

    // ---- output ----

    private boolean send(IntSupplier frame) {
        if (!sendable) {
            return false;
        }
        if (loop.inEventLoop()) {
            return sendNow(frame);
        }
        return onLoop(() -> sendNow(frame));
    }

    private boolean sendNow(IntSupplier frame) {
        Connection c = connection;
        // The session may have ended between the caller's check and this task: the module released
        // everything then, so dropping the frame loses nothing a reconnect would need.
        if (!sendable || c == null || frame.getAsInt() < 0) {
            return false;
        }
        flush(c);
        return true;
    }

    /** Writes what the session queued; the session's buffer is then free for the next frame. */
    private void flush(Connection c) {
        int length = session.outputLength();
        if (length == 0) {
            return;
        }
        c.channel.writeAndFlush(Unpooled.copiedBuffer(session.output(), 0, length))
                .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        session.outputSent(length);
    }

    private void publish(ModuleStatus next) {
        if (next.equals(status)) {
            return;
        }
        status = next;
        if (next.online()) {
            logOnce("online", "");
        }
        for (Consumer<ModuleStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "machine " + machine + ": a status listener failed", e);
            }
        }
    }

    /** Logs a change of state once, not at every retry of the same problem. */
    private void logOnce(String message, String state) {
        if (!state.equals(lastLogged)) {
            lastLogged = state;
            LOG.log(state.isEmpty() ? Level.INFO : Level.WARNING, "machine " + machine + ": " + message);
        }
    }

    private boolean onLoop(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000L;
    }

    /** Netty's view of one TCP connection, forwarding to the link; events of a replaced connection are ignored. */
    private final class Connection extends ChannelInboundHandlerAdapter {

        Channel channel;
        private String problem;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            // Set here, not from the connect future: a loopback connect can complete, and fire
            // events, before Bootstrap.connect returns.
            channel = ctx.channel();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            opened(this);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            received(this, (ByteBuf) msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            ended(this, problem != null ? problem : LinkProblems.ended(where, ProtocolError.SESSION_CLOSED, 0));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (problem == null) {
                problem = LinkProblems.connection(where, cause);
            }
            ctx.close();
        }
    }
}
