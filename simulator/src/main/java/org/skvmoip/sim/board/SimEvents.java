package org.skvmoip.sim.board;

import org.skvmoip.hal.Clock;
import org.skvmoip.hal.Events;

/**
 * The board's interrupt-to-thread wake-up: simulated peripherals call {@link #signal()} as their
 * interrupt lines would fire; the firmware's main loop sleeps in {@link #await(long)}. A signal
 * that comes while the loop is busy is kept and ends the next wait at once.
 *
 * <p>On the {@link SystemClock} the wait is a real one. On any other clock (a
 * {@link ManualClock}) time is simulated: a wait with nothing pending moves the clock to the
 * deadline at once, as if the MCU had slept that long, so a test can count how much simulated
 * time a wake-up cost.
 *
 * <p>Faults: {@link #hang()} makes the next wait never end, as firmware waiting for something
 * that never comes would; {@link #halt()} ends whatever firmware waits here with
 * {@link McuReset}, for a reset of the simulated MCU.
 *
 * <p>Allocation-free on both sides (the firmware thread's bytes are counted by the probe).
 */
public final class SimEvents implements Events {

    private final Clock clock;
    private boolean pending;
    private boolean hung;
    private boolean halted;

    public SimEvents(Clock clock) {
        this.clock = clock;
    }

    /** An interrupt fired. Quick and non-blocking: peripherals call it holding their own locks. */
    public synchronized void signal() {
        pending = true;
        notifyAll();
    }

    /** Fault injection: the firmware's next wait never returns (until {@link #halt()}). */
    public synchronized void hang() {
        hung = true;
    }

    /** The MCU is reset: the firmware waiting here, or next to wait here, ends with {@link McuReset}. */
    public synchronized void halt() {
        halted = true;
        notifyAll();
    }

    /** Power-up after a {@link #halt()}: no fault, nothing pending, as EXTI's pending bits after a reset. */
    public synchronized void powerUp() {
        halted = false;
        hung = false;
        pending = false;
    }

    @Override
    public synchronized void await(long deadlineMillis) {
        while (hung && !halted) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (halted) {
            throw new McuReset();
        }
        while (!pending) {
            long remaining = deadlineMillis - clock.millis();
            if (remaining <= 0) {
                return;
            }
            if (clock != SystemClock.INSTANCE) {
                clock.sleepMillis(remaining);
                return;
            }
            try {
                wait(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (halted) {
                throw new McuReset();
            }
        }
        pending = false;
    }
}
