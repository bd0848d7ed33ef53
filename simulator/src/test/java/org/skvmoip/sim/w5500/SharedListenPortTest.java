package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several chip sockets in LISTEN on one port, as the W5500 allows (§4.2 Sn_CR LISTEN): each
 * host connection reaches one of them, and connects are refused only while none listens.
 */
@Timeout(20)
class SharedListenPortTest {

    private static final int PORT = 7390;

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    private void listen(int socket) {
        spi.openTcp(socket, PORT);
        spi.command(socket, Sn_CR_LISTEN);
        assertThat(spi.status(socket)).isEqualTo(SOCK_LISTEN);
    }

    @Test
    void givenTwoSocketsListeningOnOnePortThenTwoClientsAreEachServedByOneOfThem() throws IOException {
        listen(0);
        listen(5);
        assertThat(model.hostPort(5)).as("one port on the host for both").isEqualTo(model.hostPort(0));

        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(0))) {
            spi.awaitStatus(0, SOCK_ESTABLISHED);
            assertThat(spi.status(5)).as("the other still listens").isEqualTo(SOCK_LISTEN);

            try (Socket second = connectFrom("127.0.0.2", model.hostPort(5))) {
                spi.awaitStatus(5, SOCK_ESTABLISHED);
                assertThat(spi.read(RawSpi.socketRegisters(5), Sn_DIPR, 4)).as("the second client's address")
                        .containsExactly(127, 0, 0, 2);
                assertThat(spi.read(RawSpi.socketRegisters(0), Sn_DIPR, 4)).containsExactly(127, 0, 0, 1);
            }
        }
    }

    @Test
    void givenEverySocketOfThePortConnectedThenAConnectIsRefusedUntilOneListensAgain() throws IOException {
        listen(0);
        listen(1);
        int port = model.hostPort(0);
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port);
                Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
            spi.awaitStatus(0, SOCK_ESTABLISHED);
            spi.awaitStatus(1, SOCK_ESTABLISHED);

            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);

            spi.command(1, Sn_CR_CLOSE);
            listen(1);
            try (Socket third = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(1))) {
                spi.awaitStatus(1, SOCK_ESTABLISHED);
                assertThat(spi.status(0)).isEqualTo(SOCK_ESTABLISHED);
            }
        }
    }

    private static Socket connectFrom(String source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }
}
