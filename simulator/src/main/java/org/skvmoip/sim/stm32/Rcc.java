package org.skvmoip.sim.stm32;

import java.util.function.IntSupplier;

/**
 * Reset and clock control (RM0368 §6.3): the oscillators and the PLL (ready as soon as they are
 * switched on), the system clock switch, the bus prescalers, and the enable bits that gate each
 * peripheral's registers. ES0182 §2.1: a peripheral's registers are not reached right after its
 * clock-enable write; the C must read an RCC register back first, and until it does the block's
 * {@link #gate} reports the access as lost.
 */
public final class Rcc implements Peripheral {

    // Register offsets (RM0368 §6.3.22, register map)
    static final int CR = 0x00;
    static final int PLLCFGR = 0x04;
    static final int CFGR = 0x08;
    static final int CIR = 0x0C;
    static final int AHB1RSTR = 0x10;
    static final int AHB2RSTR = 0x14;
    static final int APB1RSTR = 0x20;
    static final int APB2RSTR = 0x24;
    static final int AHB1ENR = 0x30;
    static final int AHB2ENR = 0x34;
    static final int APB1ENR = 0x40;
    static final int APB2ENR = 0x44;
    static final int AHB1LPENR = 0x50;
    static final int AHB2LPENR = 0x54;
    static final int APB1LPENR = 0x60;
    static final int APB2LPENR = 0x64;
    static final int BDCR = 0x70;
    static final int CSR = 0x74;
    static final int SSCGR = 0x80;
    static final int PLLI2SCFGR = 0x84;
    static final int DCKCFGR = 0x8C;
    static final int SIZE = 0x400;

    // CR
    static final int CR_HSION = 1 << 0;
    static final int CR_HSIRDY = 1 << 1;
    static final int CR_HSEON = 1 << 16;
    static final int CR_HSERDY = 1 << 17;
    static final int CR_PLLON = 1 << 24;
    static final int CR_PLLRDY = 1 << 25;
    // PLLCFGR
    static final int PLLCFGR_PLLSRC_HSE = 1 << 22;
    // CSR
    static final int CSR_LSION = 1 << 0;
    static final int CSR_LSIRDY = 1 << 1;
    static final int CSR_RMVF = 1 << 24;
    static final int CSR_IWDGRSTF = 1 << 29;
    /** Flags of a power-on reset: PORRSTF, PINRSTF, BORRSTF. */
    static final int CSR_POWER_ON_FLAGS = 0x0E00_0000;

    // Enable bits of the blocks the board uses
    public static final int AHB1ENR_GPIOAEN = 1 << 0;
    public static final int AHB1ENR_GPIOBEN = 1 << 1;
    public static final int AHB1ENR_GPIOCEN = 1 << 2;
    public static final int AHB2ENR_OTGFSEN = 1 << 7;
    public static final int APB2ENR_ADC1EN = 1 << 8;
    public static final int APB2ENR_SPI1EN = 1 << 12;
    public static final int APB2ENR_SYSCFGEN = 1 << 14;

    private final int[] registers = new int[SIZE / 4];
    private final IntSupplier flashLatency;
    private final ClockTree clocks = new ClockTree();
    /** Enable bits written to 1 since the last read of RCC, per ENR register (ES0182 §2.1). */
    private final int[] settling = new int[4];

    /** @param flashLatency FLASH_ACR.LATENCY, which HCLK must be checked against */
    public Rcc(IntSupplier flashLatency) {
        this.flashLatency = flashLatency;
        powerOn();
    }

    /** Reset values (RM0368 §6.3); {@code csr}'s reset flags say what reset it was. */
    private void powerOn() {
        java.util.Arrays.fill(registers, 0);
        registers[CR / 4] = 0x0000_0083;
        registers[PLLCFGR / 4] = 0x2400_3010;
        registers[AHB1LPENR / 4] = 0x0061_900F;
        registers[AHB2LPENR / 4] = 0x0000_0080;
        registers[APB1LPENR / 4] = 0x10E2_C80F;
        registers[APB2LPENR / 4] = 0x0007_7930;
        registers[CSR / 4] = CSR_POWER_ON_FLAGS;
        registers[PLLI2SCFGR / 4] = 0x2400_3000;
        java.util.Arrays.fill(settling, 0);
        clocks.update(registers[CR / 4], registers[PLLCFGR / 4], registers[CFGR / 4], 0);
    }

    /** A system reset by the watchdog: as power-on, but CSR says IWDGRSTF (RM0368 §6.3.21). */
    void watchdogReset() {
        powerOn();
        registers[CSR / 4] = CSR_IWDGRSTF | (1 << 26);
    }

    @Override
    public int read(int offset) {
        java.util.Arrays.fill(settling, 0);
        return registers[offset / 4];
    }

    @Override
    public void write(int offset, int value) {
        int index = offset / 4;
        switch (offset) {
            case CR: {
                // Writable: HSION, HSITRIM, HSEON, HSEBYP, CSSON, PLLON, PLLI2SON. Each ready bit
                // (one above its enable) follows at once: the oscillators start in no time here.
                int enables = value & 0x050D_00F9;
                int ready = (enables & (CR_HSION | CR_HSEON | CR_PLLON | 1 << 26)) << 1;
                registers[index] = enables | ready | registers[index] & 0xFF00;
                break;
            }
            case CFGR: {
                int sw = value & 3;
                int ready = sw == 0 ? CR_HSIRDY : sw == 1 ? CR_HSERDY : sw == 2 ? CR_PLLRDY : 0;
                int sws = (registers[CR / 4] & ready) != 0 ? sw : (registers[index] >>> 2) & 3;
                registers[index] = value & ~0xC | sws << 2;
                break;
            }
            case CSR: {
                int flags = (value & CSR_RMVF) != 0 ? 0 : registers[index] & 0xFE00_0000;
                registers[index] = flags | value & CSR_LSION | (value & CSR_LSION) << 1;
                break;
            }
            case AHB1ENR:
            case AHB2ENR:
            case APB1ENR:
            case APB2ENR:
                settling[enableIndex(offset)] |= value & ~registers[index];
                registers[index] = value;
                break;
            default:
                registers[index] = value;
                break;
        }
        clocks.update(registers[CR / 4], registers[PLLCFGR / 4], registers[CFGR / 4], flashLatency.getAsInt());
    }

    private static int enableIndex(int offset) {
        return offset == AHB1ENR ? 0 : offset == AHB2ENR ? 1 : offset == APB1ENR ? 2 : 3;
    }

    /** The gate of the block enabled by {@code bit} of the enable register at {@code enrOffset}. */
    public Stm32Bus.ClockGate gate(int enrOffset, int bit, String name) {
        int index = enableIndex(enrOffset);
        String off = name + "'s clock is off (RCC " + enrName(enrOffset) + " bit " + Integer.numberOfTrailingZeros(bit) + ")";
        String justOn = name + " used right after its clock-enable write with no read of RCC between (ES0182 §2.1)";
        return () -> (registers[enrOffset / 4] & bit) == 0 ? off : (settling[index] & bit) != 0 ? justOn : null;
    }

    private static String enrName(int offset) {
        return offset == AHB1ENR ? "AHB1ENR" : offset == AHB2ENR ? "AHB2ENR" : offset == APB1ENR ? "APB1ENR" : "APB2ENR";
    }

    void checkFlashLatency(int latency) {
        clocks.checkLatency(latency);
    }

    public long hclkHz() {
        return clocks.hclkHz;
    }

    public long pclk1Hz() {
        return clocks.pclk1Hz;
    }

    public long pclk2Hz() {
        return clocks.pclk2Hz;
    }

    /** The 48 MHz domain the USB core needs; 0 while the PLL is off. */
    public long pll48Hz() {
        return clocks.pll48Hz;
    }

    /** RCC_CSR's reset flags (what the last reset was), read without the side effects of a bus read. */
    public int resetFlags() {
        return registers[CSR / 4] & 0xFE00_0000;
    }

    public boolean isEnabled(int enrOffset, int bit) {
        return (registers[enrOffset / 4] & bit) != 0;
    }
}
