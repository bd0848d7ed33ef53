package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A chip socket as a TCP client (datasheet v1.1 §4.2 Sn_CR CONNECT), its server a host socket. */
@Timeout(20)
class TcpClientTest {

    /** Below every ephemeral port, so that a free host port is always CLIENT_PORT + a positive offset. */
    private static final int CLIENT_PORT = 1000;

    private W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    private void connect(int socket, byte[] serverIp, int serverPort) {
        spi.openTcp(socket, CLIENT_PORT);
        spi.write(RawSpi.socketRegisters(socket), Sn_DIPR, serverIp);
        spi.write16(RawSpi.socketRegisters(socket), Sn_DPORT, serverPort);
        spi.command(socket, Sn_CR_CONNECT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void theConnectionComesFromSnPort() throws IOException {
        // §4.2 Sn_PORT: the source port of the socket, also for a TCP client; on the host it is
        // mapped like every chip port, Sn_PORT + the network's offset
        model.close();
        int hostPort = freePort();
        model = new W5500Model(HostNetwork.loopback(hostPort - CLIENT_PORT));
        spi = new RawSpi(model);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            connect(1, new byte[] {10, 0, 0, 9}, server.getLocalPort());

            try (Socket peer = server.accept()) {
                assertThat(peer.getPort()).as("the client's source port on the host").isEqualTo(hostPort);
                spi.awaitStatus(1, SOCK_ESTABLISHED);
                assertThat(model.hostPort(1)).isEqualTo(hostPort);
            }
        }
    }

    @Test
    void aRefusedConnectEndsClosedWithoutTimeout() throws IOException {
        // §4.2 Sn_CR CONNECT, third failure: a RST instead of SYN/ACK; Sn_SR goes CLOSED and,
        // unlike ARP_TO and TCP_TO, nothing timed out
        connect(1, new byte[] {10, 0, 0, 9}, freePort());

        spi.awaitStatus(1, SOCK_CLOSED);

        assertThat(spi.interrupts(1) & Sn_IR_TIMEOUT).as("Sn_IR.TIMEOUT").isZero();
        assertThat(spi.interrupts(1) & Sn_IR_CON).isZero();
    }

    @Test
    void anActiveOpenLearnsThePeersMacAndMss() throws IOException {
        // §4.2 Sn_DHAR: learnt by ARP at CONNECT (on the simulated LAN a host's MAC is 02:00 and its IPv4
        // address); Sn_MSSR: the MSS agreed with the peer, an Ethernet host announcing 1460
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            connect(1, new byte[] {10, 0, 0, 9}, server.getLocalPort());
            try (Socket peer = server.accept()) {
                spi.awaitStatus(1, SOCK_ESTABLISHED);

                assertThat(spi.read(RawSpi.socketRegisters(1), Sn_DHAR, 6)).containsExactly(0x02, 0x00, 10, 0, 0, 9);
                assertThat(spi.read16(RawSpi.socketRegisters(1), Sn_MSSR)).isEqualTo(1460);
            }
        }
    }

    @Test
    void aSmallerOwnMssIsKept() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            spi.write16(RawSpi.socketRegisters(1), Sn_MSSR, 536);
            connect(1, new byte[] {10, 0, 0, 9}, server.getLocalPort());
            try (Socket peer = server.accept()) {
                spi.awaitStatus(1, SOCK_ESTABLISHED);

                assertThat(spi.read16(RawSpi.socketRegisters(1), Sn_MSSR)).isEqualTo(536);
            }
        }
    }

    @Test
    void aPassiveOpenLearnsThePeersMacAndMssFromItsSyn() throws IOException {
        spi.openTcp(0, 5000);
        spi.command(0, Sn_CR_LISTEN);
        assertThat(spi.read(RawSpi.socketRegisters(0), Sn_DHAR, 6)).as("reset value").containsOnly(0xFF);

        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(0))) {
            spi.awaitStatus(0, SOCK_ESTABLISHED);

            assertThat(spi.read(RawSpi.socketRegisters(0), Sn_DHAR, 6)).containsExactly(0x02, 0x00, 127, 0, 0, 1);
            assertThat(spi.read16(RawSpi.socketRegisters(0), Sn_MSSR)).isEqualTo(1460);
        }
    }
}
