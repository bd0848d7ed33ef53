package org.skvmoip.sim.stm32;

import java.util.ArrayList;
import java.util.List;

/** A chip with nothing attached, for tests of its models through the bus alone (no C, no core thread). */
final class Chips {

    static final int RCC_AHB1ENR = 0x4002_3830;
    static final int RCC_APB2ENR = 0x4002_3844;

    private Chips() {
    }

    /** SPI1's wires go to a recorder: what the chip's far end saw. */
    static final class Recorder implements SpiLink {
        final List<Integer> bytes = new ArrayList<>();

        @Override
        public void select(boolean selected) {
        }

        @Override
        public int exchange(int mosi) {
            bytes.add(mosi);
            return 0xA5;
        }
    }

    static Stm32Chip plain() {
        return with(new Recorder());
    }

    static Stm32Chip with(SpiLink link) {
        return new Stm32Chip("test", 1, Stm32Chip.erasedFlash(), link, (reason, byWatchdog) -> { });
    }

    /** GPIOA-C, ADC1, SPI1 and SYSCFG clocked, read back as ES0182 §2.1 asks. */
    static void enableClocks(Stm32Bus bus) {
        bus.write(RCC_AHB1ENR, 0x7);
        bus.write(RCC_APB2ENR, Rcc.APB2ENR_ADC1EN | Rcc.APB2ENR_SPI1EN | Rcc.APB2ENR_SYSCFGEN);
        bus.read(RCC_APB2ENR);
    }
}
