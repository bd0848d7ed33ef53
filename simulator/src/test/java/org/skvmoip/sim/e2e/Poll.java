package org.skvmoip.sim.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits for end-to-end tests: poll a condition until it holds or a deadline passes, then
 * fail saying what was awaited and what was last seen. No fixed sleeps: a test waits exactly as
 * long as the system needs, and the deadline only bounds a failure.
 */
final class Poll {

    /** Long enough for any step of a healthy module on a loaded CI machine; only a failure waits it out. */
    static final Duration DEFAULT = Duration.ofSeconds(5);

    private static final long INTERVAL_MILLIS = 2;

    private Poll() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, DEFAULT, condition, () -> "");
    }

    static void until(String what, Duration wait, BooleanSupplier condition) throws InterruptedException {
        until(what, wait, condition, () -> "");
    }

    /** @param seen what the test saw, for the failure message */
    static void until(String what, Duration wait, BooleanSupplier condition, Supplier<Object> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + wait.toMillis() + " ms for " + what + "; last seen: "
                        + seen.get());
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
