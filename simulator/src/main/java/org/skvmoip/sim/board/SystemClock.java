package org.skvmoip.sim.board;

import org.skvmoip.hal.Clock;

/** Monotonic milliseconds from {@link System#nanoTime()}, the time base the W5500 model waits on too. */
public final class SystemClock implements Clock {

    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    public static long now() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public long millis() {
        return now();
    }

    @Override
    public void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
