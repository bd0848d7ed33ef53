package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.stm32.host.CLibrary;
import org.skvmoip.sim.w5500.HostNetwork;

/** The firmware on the device's own C: it starts, and the W5500 answers through SPI1. */
class Stm32BoardStartTest {

    @Test
    void twoBoardsReadDifferentUniqueIdsThroughTheDevicesUidDriver() throws Exception {
        DeviceC.assumeBuildable();
        try (Stm32SimBoard first = new Stm32SimBoard(1, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected());
                Stm32SimBoard second = new Stm32SimBoard(2, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected())) {
            first.powerUp();
            second.powerUp();
            byte[] a = new byte[12];
            byte[] b = new byte[12];
            first.board().uniqueId().read(a, 0);
            second.board().uniqueId().read(b, 0);

            assertThat(a).isNotEqualTo(b).isNotEqualTo(new byte[12]);
        }
    }

    @Test
    void aClockTreeWithTooFewFlashWaitStatesFailsThePowerUp() throws Exception {
        DeviceC.assumeBuildable();
        // (clock.h's static assertion refuses too few wait states at compile time: the mutant
        // writes a lower latency past it, as a typo in the register write would.)
        CLibrary mutant = MutantC.build("latency-1", "drivers/clock.c", "CLOCK_FLASH_WAIT_STATES | FLASH_ACR_PRFTEN",
                "1u | FLASH_ACR_PRFTEN");
        try (Stm32SimBoard board = new Stm32SimBoard(1, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected(), mutant)) {
            assertThatThrownBy(board::powerUp).hasStackTraceContaining("FLASH_ACR.LATENCY 1")
                    .hasStackTraceContaining("needs 2");
        }
    }

    @Test
    void theFirmwareStartsAndOpensItsControlSocketThroughSpi1() throws Exception {
        DeviceC.assumeBuildable();
        try (Stm32SimBoard board = new Stm32SimBoard(1, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected())) {
            Firmware firmware = board.powerUp();
            Thread loop = new Thread(board::run, "stm32-loop");
            loop.setDaemon(true);
            loop.start();

            long deadline = System.currentTimeMillis() + 20_000;
            while (board.w5500().hostPort(SocketPlan.CONTROL_TCP) < 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(W5500.describeState(firmware.chip().state())).isEqualTo(W5500.describeState(W5500.STATE_READY));
            assertThat(board.w5500().hostPort(SocketPlan.CONTROL_TCP)).isPositive();
            assertThat(board.chip().spi1().bytesOnWire()).isPositive();
            assertThat(board.chip().bus().lostAccesses()).isEmpty();
            assertThat(board.chip().core().coreFailure()).isNull();
            // The start-up's clock tree (clock_init): 84 MHz from the HSE, SPI1 at PCLK2 / 4.
            assertThat(board.chip().rcc().hclkHz()).isEqualTo(84_000_000L);
            assertThat(board.chip().rcc().pll48Hz()).isEqualTo(48_000_000L);
            assertThat(board.chip().spi1().baudHz()).isEqualTo(21_000_000L);
        }
    }
}
