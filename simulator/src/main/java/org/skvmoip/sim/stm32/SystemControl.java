package org.skvmoip.sim.stm32;

/**
 * The Cortex-M4's system control block as the C touches it (PM0214 §4.4): CPUID, VTOR, AIRCR
 * (SYSRESETREQ with the 0x05FA key resets the board), SCR, CCR, the handler priorities and
 * CPACR (§4.6.1, the FPU's access). Mapped at 0xE000ED00; other words keep what is written.
 */
public final class SystemControl implements Peripheral {

    static final int CPUID = 0x00;
    static final int AIRCR = 0x0C;
    static final int CCR = 0x14;
    static final int CPACR = 0x88;
    static final int SIZE = 0x90;
    static final int CPUID_CORTEX_M4_R0P1 = 0x410F_C241;
    static final int AIRCR_VECTKEY = 0x05FA << 16;
    static final int AIRCR_SYSRESETREQ = 1 << 2;

    private final int[] registers = new int[SIZE / 4];
    private final Runnable systemReset;

    SystemControl(Runnable systemReset) {
        this.systemReset = systemReset;
        registers[CPUID / 4] = CPUID_CORTEX_M4_R0P1;
        registers[AIRCR / 4] = 0xFA05_0000;
        registers[CCR / 4] = 0x0000_0200;
    }

    @Override
    public int read(int offset) {
        return registers[offset / 4];
    }

    @Override
    public void write(int offset, int value) {
        if (offset == CPUID) {
            return;
        }
        if (offset == AIRCR) {
            if ((value & 0xFFFF_0000) != AIRCR_VECTKEY) {
                return; // a write without the key is ignored (PM0214 §4.4.5)
            }
            if ((value & AIRCR_SYSRESETREQ) != 0) {
                systemReset.run();
            }
            registers[AIRCR / 4] = 0xFA05_0000 | value & 0x0700;
            return;
        }
        registers[offset / 4] = value;
    }
}
