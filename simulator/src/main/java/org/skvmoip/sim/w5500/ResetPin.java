package org.skvmoip.sim.w5500;

import org.skvmoip.hal.DigitalOutput;

/**
 * RSTn, active low. While low the chip is held in reset: every register at its reset value, host
 * connections gone, SPI ignored. The chip's start-up time after release (the datasheet asks for
 * RSTn low at least 500 us and allows up to 1 ms until PLL lock) is not modelled: it answers at
 * once.
 */
final class ResetPin implements DigitalOutput {

    private final ChipState chip;

    ResetPin(ChipState chip) {
        this.chip = chip;
    }

    @Override
    public void high() {
        synchronized (chip) {
            chip.heldInReset = false;
        }
    }

    @Override
    public void low() {
        synchronized (chip) {
            if (!chip.heldInReset) {
                chip.heldInReset = true;
                chip.reset();
                chip.changed();
            }
        }
    }

    @Override
    public boolean isHigh() {
        synchronized (chip) {
            return !chip.heldInReset;
        }
    }
}
