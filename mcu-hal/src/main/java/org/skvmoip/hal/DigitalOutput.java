package org.skvmoip.hal;

/**
 * A push-pull output pin. Device: {@code Stm32Natives.gpioWrite(pin, level)}, a write to the
 * port's BSRR register (atomic, so no read-modify-write race with interrupts); the pin became an
 * output, at its initial level, at start-up from the board's wiring table.
 */
public interface DigitalOutput {

    void high();

    void low();

    /** The level last driven. */
    boolean isHigh();
}
