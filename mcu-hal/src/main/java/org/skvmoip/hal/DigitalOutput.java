package org.skvmoip.hal;

/**
 * A push-pull output pin. Device: {@code Stm32Natives.gpioWrite(port, pin, level)}, a write to
 * the port's BSRR register (atomic, so no read-modify-write race with interrupts).
 */
public interface DigitalOutput {

    void high();

    void low();

    /** The level last driven. */
    boolean isHigh();
}
