package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The IWDG as Stm32Watchdog starts it (RM0368 §17.3, DBGMCU §23.16.4). */
class WatchdogDriverTest {

    @Test
    void aBreakpointDoesNotResetTheBoard() throws Exception {
        long apb1Freeze = BspHarness.run("iwdg").register(0xE0042008L);

        assertThat(apb1Freeze & (1L << 12)).as("DBG_IWDG_STOP").isNotZero();
    }

    @Test
    void theTimeoutIsTheOneAskedFor() throws Exception {
        BspHarness.Run run = BspHarness.run("iwdg");

        long pr = run.register(0x40003004L);
        long rlr = run.register(0x40003008L);
        long timeoutMs = (rlr + 1) * (4L << pr) * 1000 / 32_000;
        assertThat(timeoutMs).isEqualTo(2000);
    }
}
