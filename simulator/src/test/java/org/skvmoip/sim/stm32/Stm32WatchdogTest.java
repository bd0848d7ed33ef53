package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.control.ControlClient;

/** RM0368 §17: the IWDG resets a board whose firmware stopped kicking it; the firmware starts again from power-up, its flash kept. */
class Stm32WatchdogTest {

    private static final byte[] SECRET = secret();

    @Test
    void givenAStuckFirmwareAndAnInterruptWhenTheWatchdogRunsOutThenTheBoardRestartsWithItsSettings() throws Exception {
        DeviceC.assumeBuildable();
        try (SimulatedModule module = new SimulatedModule(0, -1, SimulatedModule.STM32_BOARD).adopt(SECRET).start()) {
            Stm32SimBoard board = module.stm32Board();
            Firmware before = board.firmware();
            assertThat(board.chip().iwdg().running()).as("the firmware started its watchdog").isTrue();

            board.chip().core().hang();
            // An interrupt after the hang: the host's SET_REPORT (keyboard LEDs) runs OTG_FS_IRQHandler.
            module.usbHost().setKeyboardLeds(2);

            long deadline = System.currentTimeMillis() + 30_000;
            // The W5500 keeps the old firmware's sockets until the new one resets it through RSTn.
            while ((board.firmware() == before || board.firmware().chip().state() != W5500.STATE_READY
                    || module.controlPort() < 0) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(board.watchdogResets()).isEqualTo(1);
            assertThat(board.firmware()).isNotSameAs(before);
            assertThat(board.chip().rcc().resetFlags() & Rcc.CSR_IWDGRSTF).as("RCC_CSR says why").isNotZero();
            // The adopted secret came back from flash: the restarted module authenticates the server.
            try (ControlClient client = ControlClient.connect(module::controlPort)) {
                client.authenticate(SECRET);
                assertThat(client.moduleAdopted()).isTrue();
            }
        }
    }

    private static byte[] secret() {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) 0x5A);
        s[0] = 1;
        return s;
    }
}
