package org.skvmoip.sim.stm32;

/**
 * The system configuration controller (RM0368 §7.2): only EXTICR1..4 matter here, which pick
 * the port whose pin n feeds EXTI line n; MEMRMP, PMC and CMPCR keep what is written.
 */
public final class Syscfg implements Peripheral {

    // Register offsets (RM0368 §7.2.8, register map)
    static final int MEMRMP = 0x00;
    static final int PMC = 0x04;
    static final int EXTICR1 = 0x08;
    static final int EXTICR4 = 0x14;
    static final int CMPCR = 0x20;
    static final int SIZE = 0x400;

    private final int[] registers = new int[SIZE / 4];

    /** The port (0 = A) selected for EXTI line {@code line} (0..15). */
    int portOf(int line) {
        return (registers[EXTICR1 / 4 + line / 4] >>> (4 * (line % 4))) & 0xF;
    }

    @Override
    public int read(int offset) {
        return registers[offset / 4];
    }

    @Override
    public void write(int offset, int value) {
        if (offset >= EXTICR1 && offset <= EXTICR4) {
            value &= 0xFFFF;
        }
        registers[offset / 4] = value;
    }
}
