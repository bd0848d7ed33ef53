package org.skvmoip.server.module;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.skvmoip.protocol.Power;
import org.skvmoip.server.config.ModuleAddress;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.machine.PowerState;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/**
 * A simulated machine (the real firmware on the simulated board, plugged into a virtual target)
 * and the server's {@link ModuleLink} to it, on fixed loopback ports so the module can be
 * restarted where the link expects it.
 *
 * <p>Ports: each test class takes its own slots; slot s puts the module at chip port + 24000 +
 * 10 s (control 31390 + 10 s), below Linux's ephemeral range (32768+) so no outgoing connection
 * of this host takes them, and apart from the simulator's own tests (ephemeral ports).
 */
public final class LinkedMachine implements AutoCloseable {

    public static final byte[] SECRET = secret(0x5A);
    public static final byte[] WRONG_SECRET = secret(0x33);

    private static final int BASE_OFFSET = 24_000;

    public final int slot;
    public final EventLoopGroup group = new NioEventLoopGroup(1);
    public final ModuleLink link;
    private SimulatedModule module;
    private KeyboardReports keyboard;

    private LinkedMachine(int slot, Optional<byte[]> linkSecret) {
        this.slot = slot;
        this.link = new ModuleLink("pc" + slot, address(slot), linkSecret, group);
    }

    /** A module adopted with {@link #SECRET}, running, and a link holding {@code linkSecret}, started. */
    public static LinkedMachine start(int slot, byte[] linkSecret) throws InterruptedException {
        LinkedMachine machine = new LinkedMachine(slot, Optional.of(linkSecret));
        machine.startModule(Optional.of(SECRET));
        machine.link.start();
        return machine;
    }

    /** As {@link #start} with the right secret, once the link is online. */
    public static LinkedMachine online(int slot) throws InterruptedException {
        LinkedMachine machine = start(slot, SECRET);
        machine.awaitOnline();
        return machine;
    }

    /** A link to a slot where no module runs yet. */
    public static LinkedMachine withoutModule(int slot, Optional<byte[]> linkSecret) {
        LinkedMachine machine = new LinkedMachine(slot, linkSecret);
        machine.link.start();
        return machine;
    }

    public static ModuleAddress address(int slot) {
        return new ModuleAddress("127.0.0.1", 7390 + portOffset(slot));
    }

    public static int portOffset(int slot) {
        return BASE_OFFSET + 10 * slot;
    }

    /** Powers a module up in this slot, adopted with {@code secret} or unadopted. */
    public void startModule(Optional<byte[]> secret) throws InterruptedException {
        module = simulatedModule(slot, secret);
        keyboard = new KeyboardReports(module.usbHost());
    }

    /** A module alone in {@code slot}, running, adopted with {@code secret} or unadopted. */
    public static SimulatedModule simulatedModule(int slot, Optional<byte[]> secret) throws InterruptedException {
        SimulatedModule module = new SimulatedModule(slot, portOffset(slot));
        secret.ifPresent(module::adopt);
        return module.start();
    }

    public void stopModule() throws InterruptedException {
        if (module != null) {
            module.close();
            module = null;
        }
    }

    public SimulatedModule module() {
        return module;
    }

    public KeyboardReports keyboard() {
        return keyboard;
    }

    public void awaitOnline() throws InterruptedException {
        Poll.until(link.machine() + " online", () -> link.status().online(), link::status);
    }

    public void awaitOffline() throws InterruptedException {
        Poll.until(link.machine() + " offline", () -> !link.status().online(), link::status);
    }

    /** Turns the target on through the link and waits until its OS runs (it types only then). */
    public void bootTarget() throws InterruptedException {
        if (!link.power(Power.SHORT_PRESS)) {
            throw new AssertionError("the link is down: " + link.status());
        }
        Poll.until("the target to boot", () -> module.target().state() == PowerState.RUNNING,
                () -> module.target().state());
    }

    @Override
    public void close() throws InterruptedException {
        link.close();
        stopModule();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    private static byte[] secret(int fill) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) fill);
        s[0] = 0x01; // not a single repeated byte, so a byte-order slip would show
        return s;
    }
}
