package org.skvmoip.server.module;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits for end-to-end tests: a condition is polled until it holds, and only a failure
 * waits out the deadline, then says what was awaited and what was last seen.
 */
public final class Poll {

    /** Long enough for any step of a healthy module on a loaded machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private Poll() {
    }

    public static void until(String what, BooleanSupplier condition, Supplier<Object> seen) throws InterruptedException {
        until(what, DEFAULT, condition, seen);
    }

    public static void until(String what, Duration wait, BooleanSupplier condition, Supplier<Object> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + wait.toMillis() + " ms for " + what + "; last seen: " + seen.get());
            }
            Thread.sleep(5);
        }
    }
}
