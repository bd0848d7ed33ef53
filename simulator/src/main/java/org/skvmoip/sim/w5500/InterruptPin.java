package org.skvmoip.sim.w5500;

import org.skvmoip.hal.InterruptLine;

/**
 * INTn as the firmware sees it: its level ({@link #isAsserted}, {@link #awaitAsserted}) and, for
 * the board's EXTI line, its falling edges. The device's EXTI1 is set to trigger on the falling
 * edge (RM0368 §10.2), so it fires once when INTn goes from high to low and not again while INTn
 * stays low, however many more interrupts the chip collects; the board is told exactly that, so
 * firmware that would sleep through a second interrupt does so here too.
 *
 * <p>Allocation-free: the firmware thread calls it in its main loop, where an allocation probe
 * counts every byte. Time base: {@code System.nanoTime() / 1_000_000}, the simulator clock's
 * millis.
 */
final class InterruptPin implements InterruptLine {

    private final ChipState chip;
    /** Told on each falling edge, with the chip's monitor held; may be null. Guarded by chip. */
    private Runnable fallingEdge;
    /** The level last seen, to tell an edge from a change that leaves INTn where it was. Guarded by chip. */
    private boolean wasAsserted;

    InterruptPin(ChipState chip) {
        this.chip = chip;
    }

    /** Called with the chip's monitor held. */
    void onFallingEdge(Runnable listener) {
        fallingEdge = listener;
        wasAsserted = chip.interruptAsserted();
    }

    /** After any change to the chip, with its monitor held: reports a high-to-low transition. */
    void levelMayHaveChanged() {
        boolean asserted = chip.interruptAsserted();
        if (asserted && !wasAsserted && fallingEdge != null) {
            fallingEdge.run();
        }
        wasAsserted = asserted;
    }

    @Override
    public boolean isAsserted() {
        synchronized (chip) {
            return chip.interruptAsserted();
        }
    }

    @Override
    public boolean awaitAsserted(long deadlineMillis) {
        synchronized (chip) {
            while (!chip.interruptAsserted()) {
                long remaining = deadlineMillis - System.nanoTime() / 1_000_000;
                if (remaining <= 0) {
                    return false;
                }
                try {
                    chip.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return chip.interruptAsserted();
                }
            }
            return true;
        }
    }
}
