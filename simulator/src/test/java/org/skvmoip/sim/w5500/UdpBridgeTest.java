package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chip UDP sockets bridged to host datagram sockets. */
@Timeout(20)
class UdpBridgeTest {

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void datagramArrivesBehindTheChipsEightByteHeader() throws IOException {
        spi.openUdp(2, 68);
        assertThat(spi.status(2)).isEqualTo(SOCK_UDP);
        try (DatagramSocket host = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            host.send(new DatagramPacket("ping".getBytes(), 4, new InetSocketAddress(InetAddress.getLoopbackAddress(), model.hostPort(2))));

            spi.awaitReceived(2, 12);

            byte[] rx = spi.receive(2, 12);
            int port = host.getLocalPort();
            assertThat(rx).containsExactly(127, 0, 0, 1, (port >> 8) & 0xFF, port & 0xFF, 0, 4, 'p', 'i', 'n', 'g');
            assertThat(spi.interrupts(2) & Sn_IR_RECV).isEqualTo(Sn_IR_RECV);
        }
    }

    @Test
    void sendIsOneDatagramToTheDestinationPortOnLoopback() throws IOException {
        try (DatagramSocket host = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            host.setSoTimeout(5_000);
            spi.openUdp(2, 68);
            spi.write(RawSpi.socketRegisters(2), Sn_DIPR, new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255});
            spi.write16(RawSpi.socketRegisters(2), Sn_DPORT, host.getLocalPort());

            spi.send(2, "pong".getBytes());

            DatagramPacket packet = new DatagramPacket(new byte[100], 100);
            host.receive(packet);
            assertThat(new String(packet.getData(), 0, packet.getLength())).isEqualTo("pong");
            assertThat(packet.getPort()).isEqualTo(model.hostPort(2));
            spi.awaitInterrupt(2, Sn_IR_SEND_OK);
            assertThat(spi.txFree(2)).isEqualTo(2048);
        }
    }

    @Test
    void datagramThatDoesNotFitWholeIsDropped() throws IOException {
        spi.write8(RawSpi.socketRegisters(3), Sn_RXBUF_SIZE, 1);
        spi.openUdp(3, 1000);
        try (DatagramSocket host = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress chip = new InetSocketAddress(InetAddress.getLoopbackAddress(), model.hostPort(3));
            host.send(new DatagramPacket(new byte[600], 600, chip));
            spi.awaitReceived(3, 608);

            // 608 of 1024 used: a second 600-byte datagram does not fit, a 4-byte one does
            host.send(new DatagramPacket(new byte[600], 600, chip));
            host.send(new DatagramPacket(new byte[4], 4, chip));
            spi.awaitReceived(3, 620);

            assertThat(spi.rxReceived(3)).isEqualTo(620);
        }
    }
}
