package org.skvmoip.hal;

/**
 * An input pin. Device: {@code Stm32Natives.gpioRead(pin)}, a read of the port's IDR; the pin's
 * mode and pull are set once at start-up from the board's wiring table.
 */
public interface DigitalInput {

    boolean isHigh();
}
