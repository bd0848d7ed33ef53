package org.skvmoip.sim.stm32;

/**
 * The Cortex-M4 system timer's registers (PM0214 §4.5): CTRL, LOAD, VAL, CALIB, kept as written.
 * The C keeps time with MicroEJ's LLMJVM_IMPL_getCurrentTime, so SysTick does not count here.
 */
public final class SysTick implements Peripheral {

    static final int SIZE = 0x10;
    private final int[] registers = new int[SIZE / 4];

    @Override
    public int read(int offset) {
        return registers[offset / 4];
    }

    @Override
    public void write(int offset, int value) {
        registers[offset / 4] = offset == 0x0C ? registers[3] : value;
    }
}
