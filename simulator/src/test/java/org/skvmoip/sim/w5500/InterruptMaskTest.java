package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Datasheet v1.1 §4.2 Sn_IR and Sn_IMR: "when an interrupt occurs and the corresponding bit of
 * Sn_IMR is 1, the corresponding bit of Sn_IR becomes 1". Sn_IMR masks the Sn_IR bit itself,
 * not only INTn; SIR bit n follows Sn_IR (§4.1 SIR) and SIMR decides whether it reaches INTn.
 */
@Timeout(20)
class InterruptMaskTest {

    private static final int SIR = 0x0017;
    private static final int SIMR = 0x0018;

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    private Socket connectedPeer() throws IOException {
        spi.openTcp(0, 5000);
        spi.command(0, Sn_CR_LISTEN);
        Socket peer = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(0));
        peer.setSoTimeout(5_000);
        spi.awaitStatus(0, SOCK_ESTABLISHED);
        return peer;
    }

    @Test
    void aMaskedEventLeavesItsSnIrBitClear() throws IOException {
        // given only RECV unmasked in Sn_IMR
        spi.write8(RawSpi.COMMON, SIMR, 0x01);
        spi.write8(RawSpi.socketRegisters(0), Sn_IMR, Sn_IR_RECV);

        try (Socket peer = connectedPeer()) {
            // then the connection raised no CON, no SIR bit and no INTn
            assertThat(spi.interrupts(0)).as("Sn_IR after CON masked").isZero();
            assertThat(spi.read8(RawSpi.COMMON, SIR)).isZero();
            assertThat(model.interruptLine().isAsserted()).isFalse();

            // and data (unmasked) sets RECV alone and asserts INTn
            peer.getOutputStream().write(1);
            spi.awaitInterrupt(0, Sn_IR_RECV);
            assertThat(spi.interrupts(0)).isEqualTo(Sn_IR_RECV);
            assertThat(model.interruptLine().isAsserted()).isTrue();
        }
    }

    @Test
    void sirFollowsSnIrWhileSimrOnlyGatesIntn() throws IOException {
        // given socket 0 not enabled in SIMR, its Sn_IMR at reset (all events)
        spi.write8(RawSpi.COMMON, SIMR, 0x00);

        try (Socket peer = connectedPeer()) {
            // then CON is in Sn_IR and SIR shows socket 0, but INTn stays high
            assertThat(spi.interrupts(0) & Sn_IR_CON).isEqualTo(Sn_IR_CON);
            assertThat(spi.read8(RawSpi.COMMON, SIR)).isEqualTo(0x01);
            assertThat(model.interruptLine().isAsserted()).isFalse();

            // when SIMR enables socket 0, INTn asserts for the pending bit
            spi.write8(RawSpi.COMMON, SIMR, 0x01);
            assertThat(model.interruptLine().isAsserted()).isTrue();
        }
    }
}
