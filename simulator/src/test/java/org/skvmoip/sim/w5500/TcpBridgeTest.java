package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chip TCP sockets driven by raw SPI frames, their peers real host sockets. */
@Timeout(20)
class TcpBridgeTest {

    private static final int SIMR = 0x0018;

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    private Socket listenAndConnect(int socket) throws IOException {
        spi.openTcp(socket, 5000 + socket);
        spi.command(socket, Sn_CR_LISTEN);
        assertThat(spi.status(socket)).isEqualTo(SOCK_LISTEN);
        Socket peer = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(socket));
        peer.setSoTimeout(5_000);
        spi.awaitStatus(socket, SOCK_ESTABLISHED);
        return peer;
    }

    @Test
    void hostConnectToListeningSocketEstablishesWithConAndInterrupt() throws IOException {
        // given socket 0 listening with its interrupts unmasked
        spi.write8(RawSpi.COMMON, SIMR, 0x01);
        spi.openTcp(0, 5000);
        spi.command(0, Sn_CR_LISTEN);
        assertThat(model.interruptLine().isAsserted()).isFalse();

        // when a host program connects
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(0))) {
            // then INTn asserts, with Sn_IR.CON, the socket is ESTABLISHED and knows its peer
            assertThat(model.interruptLine().awaitAsserted(System.nanoTime() / 1_000_000 + 5_000)).isTrue();
            assertThat(spi.interrupts(0) & Sn_IR_CON).isEqualTo(Sn_IR_CON);
            assertThat(spi.read8(RawSpi.COMMON, 0x0017)).as("SIR").isEqualTo(0x01);
            assertThat(spi.status(0)).isEqualTo(SOCK_ESTABLISHED);
            assertThat(spi.read(RawSpi.socketRegisters(0), Sn_DIPR, 4)).containsExactly(127, 0, 0, 1);
            assertThat(spi.read16(RawSpi.socketRegisters(0), Sn_DPORT)).isEqualTo(peer.getLocalPort());

            // and clearing Sn_IR releases INTn
            spi.clearInterrupts(0, Sn_IR_CON);
            assertThat(model.interruptLine().isAsserted()).isFalse();
        }
    }

    @Test
    void listenerTakesOneConnectionThenRefusesOthers() throws IOException {
        try (Socket peer = listenAndConnect(0)) {
            assertThat(peer.isConnected()).isTrue();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), model.hostPort(0)).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void bytesFromTheHostArriveInTheRxBuffer() throws IOException {
        try (Socket peer = listenAndConnect(0)) {
            peer.getOutputStream().write("hello chip".getBytes());

            spi.awaitReceived(0, 10);

            assertThat(spi.interrupts(0) & Sn_IR_RECV).isEqualTo(Sn_IR_RECV);
            assertThat(new String(spi.receive(0, 10))).isEqualTo("hello chip");
            assertThat(spi.rxReceived(0)).isZero();
        }
    }

    @Test
    void sendDeliversTxDataToTheHostWithSendOk() throws IOException {
        try (Socket peer = listenAndConnect(0)) {
            spi.send(0, "hello host".getBytes());

            assertThat(new String(peer.getInputStream().readNBytes(10))).isEqualTo("hello host");
            spi.awaitInterrupt(0, Sn_IR_SEND_OK);
            assertThat(spi.txFree(0)).isEqualTo(2048);
            assertThat(spi.read16(RawSpi.socketRegisters(0), Sn_TX_RD)).isEqualTo(10);
        }
    }

    @Test
    void txFreeSizeCountsOnlyWhatSendHasSeen() throws IOException {
        try (Socket peer = listenAndConnect(0)) {
            // written and Sn_TX_WR advanced, but no SEND: the chip does not know yet
            spi.write(RawSpi.txBuffer(0), 0, new byte[100]);
            spi.write16(RawSpi.socketRegisters(0), Sn_TX_WR, 100);
            assertThat(spi.txFree(0)).isEqualTo(2048);

            // held by the peer: after SEND the data stays in the buffer
            model.holdTransmit(0, true);
            spi.command(0, Sn_CR_SEND);
            assertThat(spi.txFree(0)).isEqualTo(2048 - 100);

            model.holdTransmit(0, false);
            spi.awaitInterrupt(0, Sn_IR_SEND_OK);
            assertThat(spi.txFree(0)).isEqualTo(2048);
            assertThat(peer.getInputStream().readNBytes(100)).hasSize(100);
        }
    }

    @Test
    void fullRxBufferHoldsBackTheHostSenderWithoutLoss() throws Exception {
        try (Socket peer = listenAndConnect(0)) {
            byte[] sent = new byte[64 * 1024];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = (byte) (i * 31 + (i >> 8));
            }
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = peer.getOutputStream();
                    out.write(sent);
                    out.flush();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            writer.start();

            // the RX buffer fills to its 2 KB and never more
            spi.awaitReceived(0, 2048);
            assertThat(spi.rxReceived(0)).isEqualTo(2048);

            byte[] received = new byte[sent.length];
            int got = 0;
            while (got < sent.length) {
                spi.awaitReceived(0, 1);
                int n = Math.min(spi.rxReceived(0), sent.length - got);
                assertThat(n).isLessThanOrEqualTo(2048);
                System.arraycopy(spi.receive(0, n), 0, received, got, n);
                got += n;
            }
            writer.join(5_000);
            assertThat(Arrays.equals(received, sent)).as("all 64 KB arrived in order").isTrue();
        }
    }

    @Test
    void hostEofMovesTheSocketToCloseWaitWithDiscon() throws IOException {
        Socket peer = listenAndConnect(0);
        peer.getOutputStream().write(new byte[] {1, 2, 3});
        peer.shutdownOutput();

        spi.awaitStatus(0, SOCK_CLOSE_WAIT);

        assertThat(spi.interrupts(0) & Sn_IR_DISCON).isEqualTo(Sn_IR_DISCON);
        assertThat(spi.receive(0, 3)).containsExactly(1, 2, 3);
        peer.close();
    }

    @Test
    void disconClosesGracefullyAfterThePendingData() throws IOException {
        try (Socket peer = listenAndConnect(0)) {
            spi.send(0, "bye".getBytes());
            spi.command(0, Sn_CR_DISCON);

            InputStream in = peer.getInputStream();
            assertThat(new String(in.readNBytes(3))).isEqualTo("bye");
            assertThat(in.read()).as("FIN after the data").isEqualTo(-1);
            peer.shutdownOutput();

            spi.awaitStatus(0, SOCK_CLOSED);
            assertThat(spi.interrupts(0) & Sn_IR_DISCON).isEqualTo(Sn_IR_DISCON);
        }
    }

    @Test
    void peerResetClosesTheSocketWithDiscon() throws IOException {
        try (Socket peer = listenAndConnect(0)) {
            model.resetPeer(0);

            assertThat(spi.status(0)).isEqualTo(SOCK_CLOSED);
            assertThat(spi.interrupts(0) & Sn_IR_DISCON).isEqualTo(Sn_IR_DISCON);
            assertThatThrownBy(() -> peer.getInputStream().read()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void hostRstClosesTheSocketWithDiscon() throws IOException {
        Socket peer = listenAndConnect(0);
        peer.setSoLinger(true, 0);
        peer.close();

        spi.awaitStatus(0, SOCK_CLOSED);

        assertThat(spi.interrupts(0) & Sn_IR_DISCON).isEqualTo(Sn_IR_DISCON);
    }

    @Test
    void closeDropsTheHostConnectionWithoutAnInterrupt() throws IOException {
        try (Socket peer = listenAndConnect(0)) {
            spi.clearInterrupts(0, 0xFF);

            spi.command(0, Sn_CR_CLOSE);

            assertThat(spi.status(0)).isEqualTo(SOCK_CLOSED);
            assertThat(spi.interrupts(0)).isZero();
            assertThat(model.hostPort(0)).isEqualTo(-1);
            assertThatThrownBy(() -> peer.getInputStream().read()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void connectReachesAHostServerAndExchangesData() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            spi.openTcp(1, 6001);
            spi.write(RawSpi.socketRegisters(1), Sn_DIPR, new byte[] {10, 0, 0, 9});
            spi.write16(RawSpi.socketRegisters(1), Sn_DPORT, server.getLocalPort());

            spi.command(1, Sn_CR_CONNECT);

            try (Socket peer = server.accept()) {
                spi.awaitStatus(1, SOCK_ESTABLISHED);
                assertThat(spi.interrupts(1) & Sn_IR_CON).isEqualTo(Sn_IR_CON);
                assertThat(model.hostPort(1)).isEqualTo(peer.getPort());
                spi.send(1, "up".getBytes());
                assertThat(new String(peer.getInputStream().readNBytes(2))).isEqualTo("up");
            }
        }
    }
}
