package org.skvmoip.server.module;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.skvmoip.protocol.Protocol;
import org.skvmoip.protocol.ServerSession;
import org.skvmoip.server.config.ModuleAddress;
import org.skvmoip.server.module.AdoptionException.Reason;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;

/**
 * One machine's link to its module: a TCP connection to the module's control port carrying one
 * authenticated session (docs/protocol.md), kept up for as long as the link is open. When a
 * session ends for any reason the status goes offline with the reason in words ("module
 * 10.0.0.21:7390 refused the secret...", "no answer from module 10.0.0.21:7390 for 3 s"), and the
 * link reconnects by itself with backoff ({@link LinkSession}).
 *
 * <p>Threads: the connection and its session live on one Netty event loop; the sends may be
 * called from any thread and hop onto it, in call order. Status listeners run on that event loop,
 * so they must be quick and must not block.
 */
public final class ModuleLink implements MachineControl, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ModuleLink.class.getName());

    private final String machine;
    private final ModuleAddress address;
    private final EventLoop loop;
    private final LinkSession link;
    private final CopyOnWriteArrayList<Consumer<ModuleStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile ModuleStatus status;

    /**
     * A link that is not connecting yet ({@link #start}).
     *
     * @param secret the module's secret; empty for a module not adopted yet (the link then waits for {@link #adopt})
     * @param group  the event loops shared by all links; this link stays on one of them
     */
    public ModuleLink(String machine, ModuleAddress address, Optional<byte[]> secret, EventLoopGroup group) {
        byte[] key = secret.map(byte[]::clone).orElse(null);
        if (key != null && key.length != Protocol.SECRET_LENGTH) {
            throw new IllegalArgumentException("the stored secret of machine " + machine + " is " + key.length
                    + " bytes; a module secret is " + Protocol.SECRET_LENGTH + " (adopt the module again)");
        }
        this.machine = machine;
        this.address = address;
        this.loop = group.next();
        this.status = ModuleStatus.offline(key == null ? LinkProblems.notAdopted(address.toString())
                : LinkProblems.connecting(address.toString()));
        this.link = new LinkSession(machine, address, key, loop, this::publish);
    }

    /** Starts connecting (nothing happens for a module without a secret until {@link #adopt}). */
    public ModuleLink start() {
        onLoop(link::connect);
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
        return link.moduleId();
    }

    /** Connections this link has tried so far, successful or not. */
    public int connectionAttempts() {
        return link.attempts();
    }

    /** The wait before the latest retry, -1 before the first: for tests. */
    long lastRetryDelayMillis() {
        return link.lastRetryDelayMillis();
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

    // ---- sends: false when no authenticated session is up; input out of range is refused at once ----

    @Override
    public boolean keyboard(int modifiers, byte[] usages, int count) {
        if (count < 0 || count > usages.length) {
            throw new IllegalArgumentException("keyboard: " + count + " keys given in an array of " + usages.length);
        }
        byte[] keys = Arrays.copyOf(usages, count);
        InputChecks.keyboard(modifiers, keys, count);
        return send(s -> s.sendKeyboard(modifiers, keys, 0, count));
    }

    @Override
    public boolean mouseAbsolute(int buttons, int x, int y, int wheel, int hwheel) {
        InputChecks.mouseAbsolute(buttons, x, y, wheel, hwheel);
        return send(s -> s.sendMouseAbsolute(buttons, x, y, wheel, hwheel));
    }

    @Override
    public boolean mouseRelative(int buttons, int dx, int dy, int wheel, int hwheel) {
        InputChecks.mouseRelative(buttons, dx, dy, wheel, hwheel);
        return send(s -> s.sendMouseRelative(buttons, dx, dy, wheel, hwheel));
    }

    @Override
    public boolean power(int action) {
        InputChecks.power(action);
        return send(s -> s.sendPower(action));
    }

    @Override
    public boolean releaseAll() {
        return send(ServerSession::sendReleaseAll);
    }

    /**
     * Gives the unadopted module {@code newSecret} in the adoption handshake (docs/protocol.md §8)
     * on a fresh connection, then keeps the session it opens as this link's session. Completes with
     * the module id once the module has authenticated with the new secret (on the event loop: the
     * caller stores the secret elsewhere). Fails with an {@link AdoptionException} when the module
     * is already adopted or cannot be reached.
     */
    public CompletableFuture<String> adopt(byte[] newSecret) {
        if (newSecret.length != Protocol.SECRET_LENGTH) {
            throw new IllegalArgumentException("a module secret is " + Protocol.SECRET_LENGTH + " bytes, not "
                    + newSecret.length);
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        if (!onLoop(() -> link.adopt(new LinkSession.Adoption(newSecret.clone(), result)))) {
            result.completeExceptionally(new AdoptionException(Reason.UNREACHABLE,
                    LinkProblems.closedByServer(address.toString())));
        }
        return result;
    }

    /** Ends the session and stops reconnecting; the module releases every key and button itself. */
    @Override
    public void close() {
        if (loop.inEventLoop()) {
            link.close();
            return;
        }
        try {
            loop.submit(link::close).awaitUninterruptibly(LinkSession.CONNECT_TIMEOUT_MILLIS);
        } catch (RejectedExecutionException e) {
            // The event loops are already shut down, and the connection with them.
            publish(ModuleStatus.offline(LinkProblems.closedByServer(address.toString())));
        }
    }

    @Override
    public String toString() {
        return "ModuleLink[" + machine + " -> " + address + ", " + (status.online() ? "online" : status.problem()) + "]";
    }

    private boolean send(ToIntFunction<ServerSession> frame) {
        if (!link.isSendable()) {
            return false;
        }
        if (loop.inEventLoop()) {
            return link.send(frame);
        }
        return onLoop(() -> link.send(frame));
    }

    private void publish(ModuleStatus next) {
        if (next.equals(status)) {
            return;
        }
        status = next;
        for (Consumer<ModuleStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "machine " + machine + ": a status listener failed", e);
            }
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
}
