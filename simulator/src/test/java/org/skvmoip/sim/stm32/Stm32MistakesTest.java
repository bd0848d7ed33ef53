package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.stm32.host.CLibrary;
import org.skvmoip.sim.w5500.HostNetwork;

/**
 * The stm32 board's register models catch the C's mistakes that the Java board cannot see:
 * each test runs the device's C with one mistake and shows the failure a user would meet,
 * beside the same check passing on the C as it is.
 */
class Stm32MistakesTest {

    private static final int IRQ_EXTI1 = Exti.IRQ_EXTI0 + 1;

    @Test
    void aChipSelectPinLeftOutOfTheWiringTableLeavesTheW5500Unreachable() throws Exception {
        DeviceC.assumeBuildable();
        CLibrary mutant = MutantC.build("no-cs-pin", "wiring.c",
                "    {\"W5500_CS\", {WIRING_W5500_CS, OUT, GPIO_PULL_NONE, GPIO_SPEED_HIGH, 0, 1}},\n", "");
        try (Stm32SimBoard board = new Stm32SimBoard(1, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected(), mutant)) {
            Firmware firmware = board.powerUp();

            assertThat(firmware.start()).as("the chip answers").isFalse();
            assertThat(W5500.describeState(firmware.chip().state())).isEqualTo(W5500.describeState(W5500.STATE_NO_CHIP));
            assertThat(board.chip().port(Stm32Chip.PORT_A).mode(4)).as("PA4 never became an output").isNotEqualTo(Gpio.MODE_OUTPUT);
        }
    }

    @Test
    void anInterruptLineLeftMaskedNeverRunsItsHandler() throws Exception {
        DeviceC.assumeBuildable();
        CLibrary mutant = MutantC.build("imr-not-set", "drivers/exti.c", "    reg_set(EXTI_IMR, bit);\n", "");

        assertThat(exti1HandlerRunsWhenAClientConnects(CLibrary.device())).as("the C as it is").isPositive();
        assertThat(exti1HandlerRunsWhenAClientConnects(mutant)).as("EXTI_IMR left clear").isZero();
    }

    /**
     * Starts the firmware on {@code c}, connects to its control port and counts the W5500 INTn
     * handler's runs since power-up: INTn stays low until the firmware clears every flag, so the
     * connection's falling edge may have come with an earlier flag still set.
     */
    private static int exti1HandlerRunsWhenAClientConnects(CLibrary c) throws Exception {
        try (Stm32SimBoard board = new Stm32SimBoard(1, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected(), c)) {
            board.powerUp();
            Thread loop = new Thread(board::run, "stm32-loop");
            loop.setDaemon(true);
            loop.start();
            long deadline = System.currentTimeMillis() + 20_000;
            while (board.w5500().hostPort(SocketPlan.CONTROL_TCP) < 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            try (Socket client = new Socket("127.0.0.1", board.w5500().hostPort(SocketPlan.CONTROL_TCP))) {
                // The module greets a connection (HELLO) after it has served the connect interrupt.
                client.setSoTimeout(10_000);
                assertThat(client.getInputStream().read()).as("the module answers the connection").isNotNegative();
            }
            return board.chip().core().interruptsTaken(IRQ_EXTI1);
        }
    }
}
