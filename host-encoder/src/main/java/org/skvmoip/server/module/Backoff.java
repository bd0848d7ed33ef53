package org.skvmoip.server.module;

import java.util.function.DoubleSupplier;

/**
 * Delays between reconnection attempts: {@link #FIRST_MILLIS} doubling up to {@link #MAX_MILLIS},
 * each spread by up to {@link #JITTER} either way so a rack of modules that dropped together
 * (a switch rebooting) does not reconnect in lockstep.
 */
final class Backoff {

    static final long FIRST_MILLIS = 250;
    static final long MAX_MILLIS = 10_000;
    static final double JITTER = 0.2;

    private final DoubleSupplier random;
    private long next = FIRST_MILLIS;

    /** @param random uniform in [0, 1) */
    Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The delay before the next attempt; the one after it is twice as long, up to the maximum. */
    long nextMillis() {
        long base = next;
        next = Math.min(MAX_MILLIS, next * 2);
        double spread = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Math.round(base * spread);
    }

    /** After a session that lasted: the next failure retries quickly again. */
    void reset() {
        next = FIRST_MILLIS;
    }
}
