package org.skvmoip.sim.board;

import org.skvmoip.hal.Events;

/**
 * The board's interrupt-to-thread wake-up: simulated peripherals call {@link #signal()} as their
 * interrupt lines would fire; the firmware's main loop sleeps in {@link #await(long)}. A signal
 * that comes while the loop is busy is kept and ends the next wait at once.
 *
 * <p>Allocation-free on both sides (the firmware thread's bytes are counted by the probe).
 */
public final class SimEvents implements Events {

    private boolean pending;

    /** An interrupt fired. Quick and non-blocking: peripherals call it holding their own locks. */
    public synchronized void signal() {
        pending = true;
        notifyAll();
    }

    @Override
    public synchronized void await(long deadlineMillis) {
        while (!pending) {
            long remaining = deadlineMillis - SystemClock.now();
            if (remaining <= 0) {
                return;
            }
            try {
                wait(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        pending = false;
    }
}
