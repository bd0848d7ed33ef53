package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The clock tree clock_init leaves, computed here from the registers as RM0368 §6.3 defines
 * them: the Black Pill's 25 MHz crystal through the PLL.
 */
class ClockTreeTest {

    private static final long HSE_HZ = 25_000_000L;
    private static final long RCC_CR = 0x40023800L;
    private static final long RCC_PLLCFGR = 0x40023804L;
    private static final long RCC_CFGR = 0x40023808L;
    private static final long FLASH_ACR = 0x40023C00L;

    private static int field(long value, int shift, int bits) {
        return (int) (value >> shift) & ((1 << bits) - 1);
    }

    /** AHB prescaler code (RM0368 §6.3.3 HPRE): 0xxx = 1, 1000 = 2 ... 1111 = 512 (no 32). */
    private static int ahbDivider(int hpre) {
        return hpre < 8 ? 1 : new int[] {2, 4, 8, 16, 64, 128, 256, 512}[hpre - 8];
    }

    private static int apbDivider(int ppre) {
        return ppre < 4 ? 1 : 2 << (ppre - 4);
    }

    @Test
    void thePllGivesAn84MHzCoreAnd48MHzForUsbWithinTheVcoRanges() throws Exception {
        BspHarness.Run run = BspHarness.run("clock");
        long pllcfgr = run.register(RCC_PLLCFGR);
        long cfgr = run.register(RCC_CFGR);

        assertThat(run.starting("CLOCK")).containsExactly("CLOCK 0");
        assertThat(run.register(RCC_CR) & (1L << 16)).as("HSE on").isNotZero();
        assertThat(field(pllcfgr, 22, 1)).as("PLL fed by the HSE").isEqualTo(1);
        long vcoIn = HSE_HZ / field(pllcfgr, 0, 6);
        long vcoOut = vcoIn * field(pllcfgr, 6, 9);
        long sysclk = vcoOut / (2L * (field(pllcfgr, 16, 2) + 1));
        long usb = vcoOut / field(pllcfgr, 24, 4);
        assertThat(vcoIn).isBetween(1_000_000L, 2_000_000L);
        assertThat(vcoOut).isBetween(192_000_000L, 432_000_000L);
        assertThat(field(cfgr, 0, 2)).as("SYSCLK from the PLL").isEqualTo(2);
        assertThat(sysclk).isEqualTo(84_000_000L);
        assertThat(usb).isEqualTo(48_000_000L);

        long hclk = sysclk / ahbDivider(field(cfgr, 4, 4));
        assertThat(hclk).isEqualTo(84_000_000L);
        assertThat(hclk / apbDivider(field(cfgr, 10, 3))).as("APB1, at most 42 MHz").isEqualTo(42_000_000L);
        assertThat(hclk / apbDivider(field(cfgr, 13, 3))).as("APB2").isEqualTo(84_000_000L);
    }

    @Test
    void flashRunsWithTwoWaitStatesPrefetchAndCachesAt84MHz() throws Exception {
        long acr = BspHarness.run("clock").register(FLASH_ACR);

        // RM0368 §3.4 table 6, 2.7-3.6 V: 0 WS up to 30 MHz, 1 WS up to 60, 2 WS up to 84.
        assertThat(field(acr, 0, 4)).isEqualTo(2);
        assertThat(field(acr, 8, 3)).as("PRFTEN, ICEN, DCEN").isEqualTo(7);
    }

    @Test
    void aCrystalThatNeverStartsIsReportedInsteadOfWaitedForForever() throws Exception {
        BspHarness.Run run = BspHarness.run("clock-hse-dead");

        assertThat(run.starting("CLOCK")).containsExactly("CLOCK -1");
        assertThat(field(run.register(RCC_CFGR), 0, 2)).as("still on the HSI").isZero();
    }
}
