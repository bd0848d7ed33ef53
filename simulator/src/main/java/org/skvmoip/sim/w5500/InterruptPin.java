package org.skvmoip.sim.w5500;

import org.skvmoip.hal.InterruptLine;

/**
 * INTn as the firmware sees it. Allocation-free: the firmware thread calls it in its main loop,
 * where an allocation probe counts every byte. Time base: {@code System.nanoTime() / 1_000_000},
 * the simulator clock's millis.
 */
final class InterruptPin implements InterruptLine {

    private final ChipState chip;

    InterruptPin(ChipState chip) {
        this.chip = chip;
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
