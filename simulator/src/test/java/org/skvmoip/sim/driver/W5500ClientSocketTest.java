package org.skvmoip.sim.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.SpiFrame;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.firmware.w5500.W5500Socket;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.board.SystemClock;
import org.skvmoip.sim.w5500.HostNetwork;

/** The driver as a TCP client: the module connecting out to a server on the host. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class W5500ClientSocketTest {

    private static final byte[] SERVER = {(byte) 192, (byte) 168, 100, 1};

    private SimBoard board;
    private W5500 chip;
    private W5500Socket socket;

    @BeforeEach
    void startChip() {
        board = new SimBoard(HostNetwork.loopback(-1));
        chip = new W5500(board.w5500Spi(), board.w5500Reset(), board.w5500Interrupt(), SystemClock.INSTANCE);
        assertThat(chip.start(SimulatedModule.defaultConfig(0))).isTrue();
        socket = chip.socket(2);
        assertThat(socket.openTcp(40000)).isZero();
    }

    @AfterEach
    void stopChip() {
        board.close();
    }

    @Test
    void connectsToAHostServerAndExchangesData() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.connect(SERVER, 0, server.getLocalPort())).isZero();
            try (Socket peer = server.accept()) {
                awaitStatus(SocketRegisters.SOCK_ESTABLISHED);
                assertThat(socket.takeInterrupts() & SocketRegisters.Sn_IR_CON).isNotZero();

                byte[] hello = "module here".getBytes(StandardCharsets.US_ASCII);
                assertThat(socket.send(hello, 0, hello.length)).isEqualTo(hello.length);
                InputStream in = peer.getInputStream();
                assertThat(in.readNBytes(hello.length)).isEqualTo(hello);

                peer.getOutputStream().write("server here".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = new byte[64];
                int n = 0;
                while (n < 11) {
                    int read = socket.recv(reply, n, reply.length - n);
                    assertThat(read).isGreaterThanOrEqualTo(0);
                    n += read;
                }
                assertThat(new String(reply, 0, n, StandardCharsets.US_ASCII)).isEqualTo("server here");
            }
        }
    }

    @Test
    void aRefusedConnectionEndsClosedWithoutATimeoutAndSendSaysNotConnected() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        assertThat(socket.connect(SERVER, 0, freePort)).isZero();

        awaitStatus(SocketRegisters.SOCK_CLOSED);
        assertThat(socket.takeInterrupts() & SocketRegisters.Sn_IR_TIMEOUT).as("a RST, not a timeout (§4.2 Sn_CR CONNECT)").isZero();
        assertThat(socket.send(new byte[4], 0, 4)).isEqualTo(org.skvmoip.firmware.w5500.SocketError.NOT_CONNECTED);
    }

    @Test
    void keepAliveIsProgrammedInFiveSecondUnits() {
        socket.setKeepAlive(2);

        int block = SpiFrame.socketRegisterBlock(socket.number());
        assertThat(chip.bus().readByte(block, SocketRegisters.Sn_KPALVTR)).isEqualTo(2);
    }

    private void awaitStatus(int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (socket.status() != expected) {
            assertThat(System.currentTimeMillis()).as("socket reaches state 0x%02X", expected).isLessThan(deadline);
            Thread.sleep(2);
        }
    }
}
