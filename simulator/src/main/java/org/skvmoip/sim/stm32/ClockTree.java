package org.skvmoip.sim.stm32;

/**
 * The clocks that RCC's registers select (RM0368 §6.2, figure 12), computed from them: HSI
 * 16 MHz, the board's 25 MHz HSE crystal, the main PLL (VCO = in / PLLM * PLLN, PLLCLK = VCO /
 * PLLP, the 48 MHz domain = VCO / PLLQ), SYSCLK, HCLK and the two APB clocks. A configuration
 * the part cannot run with is refused at the write that makes it ({@link BusFault}).
 */
final class ClockTree {

    static final long HSI_HZ = 16_000_000L;
    /** The Black Pill's crystal. */
    static final long HSE_HZ = 25_000_000L;
    /** RM0368 §6.3.3 and the datasheet: SYSCLK and HCLK up to 84 MHz, APB1 up to 42 MHz. */
    static final long HCLK_MAX_HZ = 84_000_000L;
    static final long APB1_MAX_HZ = 42_000_000L;
    /** RM0368 §3.4.1, table 6 (2.7-3.6 V): the highest HCLK for 0, 1 and 2 wait states. */
    private static final long[] HCLK_MAX_FOR_LATENCY = {30_000_000L, 64_000_000L, 84_000_000L};

    long sysclkHz;
    long hclkHz;
    long pclk1Hz;
    long pclk2Hz;
    /** The PLL's 48 MHz domain (USB OTG FS, SDIO), 0 while the PLL is off. */
    long pll48Hz;

    /** Recomputes everything from RCC's registers; refuses SYSCLK/APB1 over their limits or a flash latency too low. */
    void update(int cr, int pllcfgr, int cfgr, int flashLatency) {
        boolean pllOn = (cr & Rcc.CR_PLLRDY) != 0;
        long pllIn = (pllcfgr & Rcc.PLLCFGR_PLLSRC_HSE) != 0 ? HSE_HZ : HSI_HZ;
        int m = pllcfgr & 0x3F;
        int n = (pllcfgr >>> 6) & 0x1FF;
        int p = 2 * (((pllcfgr >>> 16) & 3) + 1);
        int q = (pllcfgr >>> 24) & 0xF;
        long vco = m == 0 ? 0 : pllIn / m * n;
        long pllHz = pllOn ? vco / p : 0;
        pll48Hz = pllOn && q >= 2 ? vco / q : 0;

        int sws = (cfgr >>> 2) & 3;
        sysclkHz = sws == 0 ? HSI_HZ : sws == 1 ? HSE_HZ : pllHz;
        hclkHz = sysclkHz >> ahbShift((cfgr >>> 4) & 0xF);
        pclk1Hz = hclkHz >> apbShift((cfgr >>> 10) & 7);
        pclk2Hz = hclkHz >> apbShift((cfgr >>> 13) & 7);

        if (sws == 2 && (m < 2 || n < 192 || n > 432 || vco < 192_000_000L || vco > 432_000_000L)) {
            throw new BusFault(String.format("PLL out of range: PLLM %d, PLLN %d give a VCO of %d MHz; RM0368 §6.3.2 "
                    + "wants PLLM 2..63, PLLN 192..432 and a VCO of 192..432 MHz", m, n, vco / 1_000_000));
        }
        if (sysclkHz > HCLK_MAX_HZ) {
            throw new BusFault("SYSCLK " + sysclkHz / 1_000_000 + " MHz: the F401 runs at most 84 MHz (RM0368 §6.2)");
        }
        if (pclk1Hz > APB1_MAX_HZ) {
            throw new BusFault("APB1 at " + pclk1Hz / 1_000_000 + " MHz: at most 42 MHz (RM0368 §6.2); set PPRE1 to "
                    + "divide HCLK before switching to the PLL");
        }
        checkLatency(flashLatency);
    }

    void checkLatency(int flashLatency) {
        int needed = 0;
        while (needed < HCLK_MAX_FOR_LATENCY.length && hclkHz > HCLK_MAX_FOR_LATENCY[needed]) {
            needed++;
        }
        if (flashLatency < needed) {
            throw new BusFault("HCLK " + hclkHz / 1_000_000 + " MHz with FLASH_ACR.LATENCY " + flashLatency
                    + ": RM0368 §3.4.1 table 6 needs " + needed + " wait states; raise the latency before the clock");
        }
    }

    /** HPRE: 0xxx = /1, 1000 = /2 ... 1011 = /16, 1100 = /64 ... 1111 = /512 (there is no /32). */
    private static int ahbShift(int hpre) {
        if (hpre < 8) {
            return 0;
        }
        return hpre < 12 ? hpre - 7 : hpre - 6;
    }

    /** PPREx: 0xx = /1, 100 = /2, 101 = /4, 110 = /8, 111 = /16. */
    private static int apbShift(int ppre) {
        return ppre < 4 ? 0 : ppre - 3;
    }
}
