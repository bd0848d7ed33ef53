package org.skvmoip.hal;

/**
 * The module's hardware as the firmware sees it: what is wired to what. The device binding
 * ({@code org.skvmoip.hal.stm32.Stm32F401Board}) and the simulator each provide one; the
 * firmware depends on nothing else.
 */
public interface Board {

    /** The W5500 on its SPI bus and chip-select pin. */
    SpiDevice w5500Spi();

    /** The W5500's RSTn pin (active low). */
    DigitalOutput w5500Reset();

    /** The W5500's INTn pin (active low). */
    InterruptLine w5500Interrupt();

    Clock clock();
}
