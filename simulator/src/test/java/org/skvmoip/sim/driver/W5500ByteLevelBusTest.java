package org.skvmoip.sim.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.firmware.w5500.W5500Socket;
import org.skvmoip.hal.SpiDevice;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.board.SystemClock;
import org.skvmoip.sim.w5500.HostNetwork;
import org.skvmoip.sim.w5500.W5500Model;

/**
 * The driver over the model's pins API, one byte per clocked SPI byte with SCSn around each
 * frame, as the simulated STM32's SPI1 drives it: start-up, a TCP connection and data both ways.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class W5500ByteLevelBusTest {

    private static final byte[] SERVER = {(byte) 192, (byte) 168, 100, 1};

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));

    /** SCSn low, each byte through exchange, SCSn high: what an SPI peripheral's pins do for one frame. */
    private final SpiDevice pins = (tx, txOff, rx, rxOff, len) -> {
        model.chipSelect(true);
        for (int i = 0; i < len; i++) {
            int miso = model.exchange(tx[txOff + i]);
            if (rx != null) {
                rx[rxOff + i] = (byte) miso;
            }
        }
        model.chipSelect(false);
    };

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void theDriverStartsAndExchangesDataOverTheBytewiseBus() throws Exception {
        W5500 chip = new W5500(pins, model.resetPin(), model.interruptLine(), SystemClock.INSTANCE);
        assertThat(chip.start(SimulatedModule.defaultConfig(0))).isTrue();
        W5500Socket socket = chip.socket(2);
        assertThat(socket.openTcp(40000)).isZero();

        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.connect(SERVER, 0, server.getLocalPort())).isZero();
            try (Socket peer = server.accept()) {
                long deadline = System.currentTimeMillis() + 10_000;
                while (socket.status() != SocketRegisters.SOCK_ESTABLISHED) {
                    assertThat(System.currentTimeMillis()).as("ESTABLISHED in time").isLessThan(deadline);
                    Thread.sleep(2);
                }
                byte[] hello = "bytewise".getBytes(StandardCharsets.US_ASCII);
                assertThat(socket.send(hello, 0, hello.length)).isEqualTo(hello.length);
                InputStream in = peer.getInputStream();
                assertThat(in.readNBytes(hello.length)).isEqualTo(hello);

                peer.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = new byte[8];
                int n = 0;
                while (n < 2) {
                    int read = socket.recv(reply, n, reply.length - n);
                    assertThat(read).isGreaterThanOrEqualTo(0);
                    n += read;
                }
                assertThat(new String(reply, 0, n, StandardCharsets.US_ASCII)).isEqualTo("ok");
            }
        }
        assertThat(model.counters().frames()).as("frames counted per SCSn cycle").isGreaterThan(0);
    }
}
