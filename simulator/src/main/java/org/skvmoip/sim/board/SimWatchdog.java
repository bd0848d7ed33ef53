package org.skvmoip.sim.board;

import org.skvmoip.hal.Clock;
import org.skvmoip.hal.Watchdog;

/**
 * The module's watchdog in the simulator (the IWDG on the device). It cannot reset a JVM
 * thread itself, so a missed deadline becomes a "watchdog reset" event: {@link #check()}
 * (which the simulated module calls every few milliseconds) reports it once per expiry to the
 * listener, which resets the module as the MCU would.
 */
public final class SimWatchdog implements Watchdog {

    /** Told when the firmware failed to kick in time. */
    public interface ResetListener {
        void watchdogReset(long overdueMillis);
    }

    private final Clock clock;
    private volatile ResetListener listener;
    private int timeoutMillis;
    private long deadline = Long.MAX_VALUE;
    private long kicks;
    private int resets;

    /** @param listener told of each missed deadline; may be null */
    public SimWatchdog(Clock clock, ResetListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** Who resets the module on a missed deadline; null: nobody (the expiry is only counted). */
    public void onReset(ResetListener resetter) {
        this.listener = resetter;
    }

    @Override
    public synchronized void start(int timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("watchdog timeout must be positive, got " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
        deadline = clock.millis() + timeoutMillis;
    }

    @Override
    public synchronized void kick() {
        kicks++;
        if (timeoutMillis > 0) {
            deadline = clock.millis() + timeoutMillis;
        }
    }

    /**
     * Whether the deadline has passed without a kick; the first check that sees it counts a
     * reset, tells the listener and re-arms the watchdog as a reset MCU would start it again.
     */
    public boolean check() {
        long overdue;
        synchronized (this) {
            long now = clock.millis();
            if (timeoutMillis == 0 || now < deadline) {
                return false;
            }
            overdue = now - deadline;
            resets++;
            deadline = now + timeoutMillis;
        }
        ResetListener resetter = listener;
        if (resetter != null) {
            resetter.watchdogReset(overdue);
        }
        return true;
    }

    public synchronized boolean started() {
        return timeoutMillis > 0;
    }

    public synchronized int timeoutMillis() {
        return timeoutMillis;
    }

    public synchronized long kicks() {
        return kicks;
    }

    public synchronized int resets() {
        return resets;
    }
}
