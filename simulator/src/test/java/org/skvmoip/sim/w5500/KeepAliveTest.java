package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Datasheet v1.1 §4.2 Sn_KPALVTR and Sn_CR SEND_KEEP: a keep-alive goes out once data has moved
 * on the connection, automatically every Sn_KPALVTR x 5 s or on SEND_KEEP when Sn_KPALVTR is 0;
 * a peer that does not answer it is timed out (TCP_TO) and the socket closes with TIMEOUT.
 */
@Timeout(30)
class KeepAliveTest {

    private static final int RTR = 0x0019;
    private static final int RCR = 0x001B;

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);
    private Socket peer;

    @BeforeEach
    void connect() throws IOException {
        // TCP_TO of 10 + 20 ms, so a dead peer is found at once
        spi.write16(RawSpi.COMMON, RTR, 100);
        spi.write8(RawSpi.COMMON, RCR, 1);
        spi.openTcp(0, 5000);
        spi.command(0, Sn_CR_LISTEN);
        peer = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(0));
        peer.setSoTimeout(5_000);
        spi.awaitStatus(0, SOCK_ESTABLISHED);
    }

    @AfterEach
    void close() throws IOException {
        peer.close();
        model.close();
    }

    private void exchangeData() throws IOException {
        peer.getOutputStream().write(7);
        spi.awaitReceived(0, 1);
        spi.receive(0, 1);
    }

    @Test
    void sendKeepToADeadPeerClosesTheSocketWithTimeout() throws IOException {
        exchangeData();
        model.silencePeer(0);

        spi.command(0, Sn_CR_SEND_KEEP);

        spi.awaitStatus(0, SOCK_CLOSED);
        assertThat(spi.interrupts(0) & Sn_IR_TIMEOUT).isEqualTo(Sn_IR_TIMEOUT);
    }

    @Test
    void sendKeepToALivePeerKeepsTheConnection() throws Exception {
        exchangeData();

        spi.command(0, Sn_CR_SEND_KEEP);
        Thread.sleep(200); // many TCP_TOs: a keep-alive left unanswered would have closed the socket by now

        assertThat(spi.status(0)).isEqualTo(SOCK_ESTABLISHED);
        assertThat(spi.interrupts(0) & Sn_IR_TIMEOUT).isZero();
    }

    @Test
    void sendKeepBeforeAnyDataIsIgnored() throws Exception {
        model.silencePeer(0);

        spi.command(0, Sn_CR_SEND_KEEP);
        Thread.sleep(200);

        assertThat(spi.status(0)).isEqualTo(SOCK_ESTABLISHED);
    }

    @Test
    void automaticKeepAliveFindsADeadPeerAfterItsPeriod() throws IOException {
        // given keep-alives every 5 s (Sn_KPALVTR 1) and data exchanged once
        spi.write8(RawSpi.socketRegisters(0), Sn_KPALVTR, 1);
        exchangeData();
        long start = System.nanoTime();

        model.silencePeer(0);

        spi.awaitStatus(0, SOCK_CLOSED, 15);
        assertThat(spi.interrupts(0) & Sn_IR_TIMEOUT).isEqualTo(Sn_IR_TIMEOUT);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms: not before the first keep-alive").isGreaterThanOrEqualTo(4_900);
    }
}
