package org.skvmoip.server.module;

import java.util.function.DoubleSupplier;

/**
 * Delays between reconnection attempts: {@link #FIRST_MILLIS} doubling up to {@link #MAX_MILLIS},
 * each spread by up to {@link #JITTER} either way so a rack of modules that dropped together
 * (a switch rebooting) does not reconnect in lockstep.
 *
 * <p>The cap is low on purpose: with jitter the longest wait is 960 ms, so the server is back
 * within about a second of its module being free again, whatever kept it out (a module that
 * was off, a stranger on the LAN holding its control port). A connect costs a module that is
 * down nothing, and one that is up one HELLO. The link resets the delay whenever a connection
 * reached the module's HELLO: the module answers, so a refusal or interference is no reason to
 * wait longer next time.
 */
final class Backoff {

    static final long FIRST_MILLIS = 250;
    static final long MAX_MILLIS = 800;
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

    /** After a connection that reached the module: the next failure retries quickly again. */
    void reset() {
        next = FIRST_MILLIS;
    }
}
