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

/**
 * UDP as the chip does it without IP fragmentation (datasheet v1.1 §1): a SEND larger than
 * Sn_MSSR goes out as several datagrams, a datagram that would need fragments never arrives; and
 * a datagram to a closed port comes back as IR.UNREACH with UIPR/UPORTR (§4.1).
 */
@Timeout(20)
class UdpDatagramTest {

    private static final int IR = 0x0015;
    private static final int IMR = 0x0016;
    private static final int SUBR = 0x0005;
    private static final int SIPR = 0x000F;
    private static final int UIPR = 0x0028;
    private static final int UPORTR = 0x002C;
    private static final int IR_UNREACH = 0x40;

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    private void sendTo(int socket, byte[] ip, int port, byte[] data) {
        spi.write(RawSpi.socketRegisters(socket), Sn_DIPR, ip);
        spi.write16(RawSpi.socketRegisters(socket), Sn_DPORT, port);
        spi.send(socket, data);
    }

    /** One datagram, waited for as a driver does before it reuses Sn_DIPR/Sn_DPORT; UNREACH is decided by SEND_OK. */
    private void sendAndWait(int socket, byte[] ip, int port) {
        spi.clearInterrupts(socket, Sn_IR_SEND_OK);
        sendTo(socket, ip, port, new byte[1]);
        spi.awaitInterrupt(socket, Sn_IR_SEND_OK);
    }

    private static int[] lengthsReceived(DatagramSocket host, int count) throws IOException {
        int[] lengths = new int[count];
        DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
        for (int i = 0; i < count; i++) {
            packet.setLength(4096);
            host.receive(packet);
            lengths[i] = packet.getLength();
        }
        return lengths;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void aSendLargerThanSnMssrLeavesAsMssrSizedDatagrams() throws IOException {
        try (DatagramSocket host = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            host.setSoTimeout(5_000);
            spi.write16(RawSpi.socketRegisters(2), Sn_MSSR, 500);
            spi.openUdp(2, 6000);

            sendTo(2, new byte[] {10, 0, 0, 9}, host.getLocalPort(), new byte[1200]);

            assertThat(lengthsReceived(host, 3)).containsExactly(500, 500, 200);
            spi.awaitInterrupt(2, Sn_IR_SEND_OK);
        }
    }

    @Test
    void withoutSnMssrASendIsSplitAtWhatOneFrameCarries() throws IOException {
        try (DatagramSocket host = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            host.setSoTimeout(5_000);
            spi.openUdp(2, 6000);

            sendTo(2, new byte[] {10, 0, 0, 9}, host.getLocalPort(), new byte[2000]);

            // MTU 1500 less 20 bytes of IP and 8 of UDP header
            assertThat(lengthsReceived(host, 2)).containsExactly(1472, 528);
        }
    }

    @Test
    void aDatagramThatWouldArriveFragmentedIsLost() throws IOException {
        spi.openUdp(3, 1000);
        try (DatagramSocket host = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress chip = new InetSocketAddress(InetAddress.getLoopbackAddress(), model.hostPort(3));

            host.send(new DatagramPacket(new byte[1473], 1473, chip));
            host.send(new DatagramPacket(new byte[1472], 1472, chip));
            host.send(new DatagramPacket(new byte[4], 4, chip));
            spi.awaitReceived(3, 8 + 1472 + 8 + 4);

            // only the two that fit one frame, each behind its 8-byte header
            assertThat(spi.rxReceived(3)).isEqualTo(8 + 1472 + 8 + 4);
            assertThat(spi.receive(3, 8)[7] & 0xFF).as("first length, low byte").isEqualTo(1472 & 0xFF);
        }
    }

    @Test
    void sendingToAClosedPortRaisesUnreachWithItsAddressAndPort() throws IOException {
        spi.write8(RawSpi.COMMON, IMR, IR_UNREACH);
        spi.openUdp(2, 6000);
        int closed = freeUdpPort();

        sendTo(2, new byte[] {10, 0, 0, 9}, closed, "anyone?".getBytes());

        RawSpi.await(() -> spi.read8(RawSpi.COMMON, IR) & IR_UNREACH, "IR.UNREACH", () -> "IR 0x"
                + Integer.toHexString(spi.read8(RawSpi.COMMON, IR)));
        assertThat(spi.read(RawSpi.COMMON, UIPR, 4)).containsExactly(10, 0, 0, 9);
        assertThat(spi.read16(RawSpi.COMMON, UPORTR)).isEqualTo(closed);
        assertThat(model.interruptLine().isAsserted()).as("INTn, IMR.UNREACH set").isTrue();
        spi.write8(RawSpi.COMMON, IR, IR_UNREACH);
        assertThat(model.interruptLine().isAsserted()).isFalse();
    }

    @Test
    void nothingComesBackFromAnOpenPortOrABroadcast() throws IOException {
        spi.write(RawSpi.COMMON, SUBR, new byte[] {(byte) 255, (byte) 255, (byte) 255, 0});
        spi.write(RawSpi.COMMON, SIPR, new byte[] {(byte) 192, (byte) 168, 1, 50});
        spi.openUdp(2, 6000);
        try (DatagramSocket host = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            host.setSoTimeout(5_000);
            int closed = freeUdpPort();

            sendAndWait(2, new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255}, closed);
            sendAndWait(2, new byte[] {(byte) 192, (byte) 168, 1, (byte) 255}, closed);
            sendAndWait(2, new byte[] {10, 0, 0, 9}, host.getLocalPort());
            lengthsReceived(host, 1);

            assertThat(spi.read8(RawSpi.COMMON, IR) & IR_UNREACH).isZero();
        }
    }
}
