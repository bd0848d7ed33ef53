package org.skvmoip.sim.stm32;

/**
 * The MCU debug component (RM0368 §23.6): IDCODE (DEV_ID 0x423, the F401xB/C) and the freeze
 * bits, which are kept; DBG_IWDG_STOP is how the C asks that a breakpoint not reset the board.
 */
public final class Dbgmcu implements Peripheral {

    static final int IDCODE = 0x00;
    static final int CR = 0x04;
    static final int APB1_FZ = 0x08;
    static final int APB2_FZ = 0x0C;
    static final int SIZE = 0x10;
    static final int APB1_FZ_DBG_IWDG_STOP = 1 << 12;
    static final int IDCODE_F401XC = 0x1000_6423;

    private final int[] registers = {IDCODE_F401XC, 0, 0, 0};

    public boolean iwdgFrozenInDebug() {
        return (registers[APB1_FZ / 4] & APB1_FZ_DBG_IWDG_STOP) != 0;
    }

    @Override
    public int read(int offset) {
        return registers[offset / 4];
    }

    @Override
    public void write(int offset, int value) {
        if (offset != IDCODE) {
            registers[offset / 4] = value;
        }
    }
}
