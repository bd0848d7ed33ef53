package org.skvmoip.sim.board;

import org.skvmoip.hal.Clock;

/**
 * A clock that moves only when told: tests step simulated time exactly, with no sleeps and no
 * timing thresholds. {@link #sleepMillis} advances it, so firmware that sleeps runs instantly.
 */
public final class ManualClock implements Clock {

    private volatile long now;

    public ManualClock() {
        this(0);
    }

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public synchronized void sleepMillis(long millis) {
        advance(millis);
    }

    public synchronized void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a monotonic clock cannot go back " + (-millis) + " ms");
        }
        now += millis;
    }

    public synchronized void set(long millis) {
        advance(millis - now);
    }
}
