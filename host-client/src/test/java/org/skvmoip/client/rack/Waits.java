package org.skvmoip.client.rack;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.machine.PowerState;

/** Bounded waits for what the rack does on its own time (booting, the video starting). */
public final class Waits {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private Waits() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, () -> "");
    }

    /** Waits until {@code condition} holds; fails naming {@code what} and what {@code seen} says now. */
    public static void until(String what, BooleanSupplier condition, Supplier<String> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + WAIT + "; " + seen.get());
            }
            Thread.sleep(20);
        }
    }

    /** The first element of {@code queue} that matches, waiting for it; those before it are dropped. */
    public static <T> T next(BlockingQueue<T> queue, String what, Predicate<T> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T item = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new AssertionError("no " + what + " within " + WAIT);
            }
            if (wanted.test(item)) {
                return item;
            }
        }
    }

    /** Waits until the machine's module is online (the rig starts it just before the server). */
    public static void online(ServerRig rig, int machine) throws Exception {
        String name = ServerRig.name(machine);
        String token = rig.login();
        until(name + " online", () -> {
            try {
                return ServerRig.json(rig.get("/api/machines/" + name, token).body()).path("online").asBoolean();
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Waits until the virtual machine has booted, so that keys typed on it reach its console. */
    public static void running(ServerRig rig, int machine) throws InterruptedException {
        until(ServerRig.name(machine) + " booted", () -> rig.modules.get(machine).target().state() == PowerState.RUNNING,
                () -> "state " + rig.modules.get(machine).target().state());
    }
}
