package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Datasheet v1.1 §4.1 RTR and RCR: ARP_TO is RCR + 1 waits of RTR; TCP_TO doubles the wait at
 * each retransmission until a doubling would pass 65535, then keeps the largest.
 */
@Timeout(20)
class RetransmissionTimeoutTest {

    private static final int RTR = 0x0019;
    private static final int RCR = 0x001B;

    private static ChipState chipWith(int rtr, int rcr) {
        ChipState chip = new ChipState();
        chip.common.write(RTR, rtr >>> 8);
        chip.common.write(RTR + 1, rtr & 0xFF);
        chip.common.write(RCR, rcr);
        return chip;
    }

    @Test
    void theDatasheetsExampleGives1point8sArpAnd31point8sTcpTimeouts() {
        ChipState chip = chipWith(2000, 8);

        assertThat(chip.arpTimeoutNanos()).isEqualTo(1_800_000_000L);
        assertThat(chip.tcpTimeoutNanos()).isEqualTo(31_800_000_000L);
    }

    @Test
    void waitsDoubleUntilTheNextWouldPass65535() {
        // 20000, 40000, then 80000 would pass 65535: 40000 again
        assertThat(chipWith(20_000, 2).tcpTimeoutNanos()).isEqualTo(100_000L * 100_000);
        // 40000 cannot double at all
        assertThat(chipWith(40_000, 2).tcpTimeoutNanos()).isEqualTo(120_000L * 100_000);
        // RCR 0: one wait of RTR
        assertThat(chipWith(500, 0).tcpTimeoutNanos()).isEqualTo(50_000_000L);
    }

    @Test
    void anUnacknowledgedSendClosesAfterTcpTimeoutNotArpTimeout() throws IOException {
        try (W5500Model model = new W5500Model(HostNetwork.loopback(-1))) {
            RawSpi spi = new RawSpi(model);
            spi.openTcp(0, 5000);
            spi.command(0, Sn_CR_LISTEN);
            try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(0))) {
                spi.awaitStatus(0, SOCK_ESTABLISHED);
                // RTR 50 ms, RCR 1: ARP_TO 100 ms, TCP_TO 50 + 100 = 150 ms
                spi.write16(RawSpi.COMMON, RTR, 500);
                spi.write8(RawSpi.COMMON, RCR, 1);
                model.setLinkUp(false);
                long start = System.nanoTime();

                spi.send(0, new byte[] {42});

                spi.awaitStatus(0, SOCK_CLOSED);
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                // a lower bound only: a busy machine makes it later, never earlier
                assertThat(elapsedMillis).as("ms to TIMEOUT").isGreaterThanOrEqualTo(150);
                assertThat(spi.interrupts(0) & Sn_IR_TIMEOUT).isEqualTo(Sn_IR_TIMEOUT);
            }
        }
    }
}
