package org.skvmoip.hal;

/** An input pin. Device: {@code Stm32Natives.gpioRead(port, pin)}, a read of the port's IDR. */
public interface DigitalInput {

    boolean isHigh();
}
