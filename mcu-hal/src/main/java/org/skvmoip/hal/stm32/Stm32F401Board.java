package org.skvmoip.hal.stm32;

import org.skvmoip.hal.Board;
import org.skvmoip.hal.Clock;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;

/**
 * The module board: an STM32F401CCU6 ("Black Pill") with a W5500 on SPI1. The wiring is the
 * table in docs/wiring.md; change it here and there together.
 */
public final class Stm32F401Board implements Board {

    private static final int PORT_A = 0;
    private static final int PORT_B = 1;

    /** W5500 SCSn: PA4 (SPI1 NSS pin, driven as a plain GPIO so a frame can span DMA calls). */
    static final int W5500_CS = PORT_A * 16 + 4;
    /** W5500 RSTn: PB0. */
    static final int W5500_RST = PORT_B * 16 + 0;
    /** W5500 INTn: PB1 (EXTI1, falling edge). */
    static final int W5500_INT = PORT_B * 16 + 1;

    private final SpiDevice w5500Spi;
    private final DigitalOutput w5500Reset;
    private final InterruptLine w5500Interrupt;
    private final Clock clock;

    public Stm32F401Board() {
        Stm32Natives.init();
        w5500Spi = new Stm32Pins.Spi(W5500_CS);
        w5500Reset = new Stm32Pins.Output(W5500_RST, true);
        w5500Interrupt = new Stm32Pins.ActiveLowIrq(W5500_INT);
        clock = new Stm32Pins.SysTickClock();
    }

    public SpiDevice w5500Spi() {
        return w5500Spi;
    }

    public DigitalOutput w5500Reset() {
        return w5500Reset;
    }

    public InterruptLine w5500Interrupt() {
        return w5500Interrupt;
    }

    public Clock clock() {
        return clock;
    }
}
