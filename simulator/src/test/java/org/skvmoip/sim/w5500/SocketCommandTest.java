package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Datasheet v1.1 §4.2 Sn_CR CLOSE and OPEN in MACRAW mode (Sn_SR SOCK_MACRAW). */
@Timeout(20)
class SocketCommandTest {

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
    void closeOnALiveConnectionSkipsTheDisconnectProcess() throws IOException {
        try (Socket peer = connectedPeer()) {
            // given data sent but not yet taken by the peer
            model.holdTransmit(0, true);
            spi.send(0, "unsent".getBytes());
            spi.clearInterrupts(0, 0xFF);

            spi.command(0, Sn_CR_CLOSE);

            // then CLOSED at once (no FIN_WAIT), with no interrupt, and the peer gets neither the
            // data nor a FIN (read() would return it or -1): the host connection is reset
            assertThat(spi.status(0)).isEqualTo(SOCK_CLOSED);
            assertThat(spi.interrupts(0)).isZero();
            assertThatThrownBy(() -> peer.getInputStream().read()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void closeWhileWaitingForThePeersFinEndsAtOnce() throws Exception {
        spi.write16(RawSpi.COMMON, 0x0019, 100); // RTR 10 ms, RCR 0: the FIN's TCP_TO is 10 ms
        spi.write8(RawSpi.COMMON, 0x001B, 0);
        try (Socket peer = connectedPeer()) {
            spi.command(0, Sn_CR_DISCON);
            assertThat(peer.getInputStream().read()).as("our FIN").isEqualTo(-1);
            assertThat(spi.status(0)).isEqualTo(SOCK_FIN_WAIT);
            spi.clearInterrupts(0, 0xFF);

            spi.command(0, Sn_CR_CLOSE);

            assertThat(spi.status(0)).isEqualTo(SOCK_CLOSED);
            Thread.sleep(100); // the FIN's TCP_TO would have run out here had the close waited for it
            assertThat(spi.interrupts(0)).isZero();
        }
    }

    @Test
    void macrawOpensAsSockMacrawOnSocketZero() {
        spi.write8(RawSpi.socketRegisters(0), Sn_MR, Sn_MR_MACRAW);

        spi.command(0, Sn_CR_OPEN);

        assertThat(spi.status(0)).isEqualTo(0x42);
    }

    @Test
    void macrawFramesLeaveWithSendOkThoughNothingCarriesThem() {
        spi.write8(RawSpi.socketRegisters(0), Sn_MR, Sn_MR_MACRAW);
        spi.command(0, Sn_CR_OPEN);

        spi.send(0, new byte[60]);

        assertThat(spi.interrupts(0) & Sn_IR_SEND_OK).isEqualTo(Sn_IR_SEND_OK);
        assertThat(spi.txFree(0)).isEqualTo(2048);
        assertThat(spi.rxReceived(0)).isZero();
    }

    @Test
    void macrawIsNotAModeOfTheOtherSockets() {
        spi.write8(RawSpi.socketRegisters(1), Sn_MR, Sn_MR_MACRAW);

        spi.command(1, Sn_CR_OPEN);

        assertThat(spi.status(1)).isEqualTo(SOCK_CLOSED);
    }
}
