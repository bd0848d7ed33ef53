package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.w5500.HostNetwork;

/** The firmware on the device's own C: it starts, and the W5500 answers through SPI1. */
class Stm32BoardStartTest {

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
        }
    }
}
