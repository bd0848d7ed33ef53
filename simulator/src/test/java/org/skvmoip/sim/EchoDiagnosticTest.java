package org.skvmoip.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.echo.EchoService;
import org.skvmoip.firmware.w5500.SocketRegisters;

/**
 * The echo service is a diagnostic: a module as shipped answers nothing on port 7, and one
 * switched on for bring-up cannot be made to echo another echo service for ever.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoDiagnosticTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aModuleWithDefaultSettingsAnswersNeitherTcpNorUdpOnPort7() throws Exception {
        int echoHostPort = freePortWithRoomAbove();
        try (SimulatedModule module = new SimulatedModule(0, echoHostPort - EchoService.PORT).start()) {
            assertThatThrownBy(() -> new Socket(LOOPBACK, echoHostPort).close()).isInstanceOf(ConnectException.class);
            try (DatagramSocket udp = new DatagramSocket(0, LOOPBACK)) {
                udp.connect(LOOPBACK, echoHostPort);
                udp.setSoTimeout(5_000);
                udp.send(new DatagramPacket(new byte[] {1}, 1));
                // Loopback answers a datagram to a port nobody holds with ICMP port unreachable.
                assertThatThrownBy(() -> udp.receive(new DatagramPacket(new byte[16], 16)))
                        .isInstanceOf(PortUnreachableException.class);
            }
            assertThat(module.firmware().echo()).isNull();
            assertThat(module.w5500().socketStatus(SocketPlan.ECHO_TCP)).isEqualTo(SocketRegisters.SOCK_CLOSED);
            assertThat(module.w5500().socketStatus(SocketPlan.ECHO_UDP)).isEqualTo(SocketRegisters.SOCK_CLOSED);
            assertThat(module.controlPort()).as("the control service is there all the same")
                    .isEqualTo(org.skvmoip.protocol.Protocol.CONTROL_TCP_PORT + echoHostPort - EchoService.PORT);
        }
    }

    /**
     * Modules A and B with the diagnostic on, and between them a LAN on which each sees the
     * other's echo at port 7: a forged datagram "from B's port 7" to A starts the loop. The test
     * plays the LAN: whatever one module sends to port 7 it hands to the other, for a bounded
     * number of hops.
     */
    @Test
    void twoModulesPointedAtEachOtherDoNotEchoForEver() throws Exception {
        try (SimulatedModule a = new SimulatedModule(0, -1).withEchoDiagnostic().start();
                SimulatedModule b = new SimulatedModule(1, -1).withEchoDiagnostic().start();
                DatagramChannel lan = bindEchoPort();
                DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
            lan.configureBlocking(false);
            probe.setSoTimeout(10_000);
            ByteBuffer datagram = ByteBuffer.allocate(2048);
            datagram.put("forged: from B's echo port".getBytes(StandardCharsets.US_ASCII)).flip();
            SimulatedModule to = a;
            int hops = 0;
            for (; hops < 10; hops++) {
                lan.send(datagram, new InetSocketAddress(LOOPBACK, to.echoUdpPort()));
                awaitServed(to, probe);
                datagram.clear();
                if (lan.receive(datagram) == null) {
                    break; // the module let it drop
                }
                datagram.flip();
                to = to == a ? b : a;
            }

            assertThat(hops).as("datagrams the two modules sent each other").isZero();
            assertThat(a.firmware().echo().loopsRefused()).isEqualTo(1);
            assertThat(b.firmware().echo().loopsRefused()).isZero();
        }
    }

    @Test
    void aFactoryResetSwitchesTheDiagnosticOffAsShipped() throws Exception {
        SimulatedModule module = new SimulatedModule(0, -1).withEchoDiagnostic();
        module.board().holdFactoryReset(true);
        try (module) {
            module.start();

            assertThat(module.firmware().echo()).isNull();
            assertThat(module.w5500().socketStatus(SocketPlan.ECHO_UDP)).isEqualTo(SocketRegisters.SOCK_CLOSED);
        }
    }

    @Test
    void onlyPortsOfServicesThatAnswerAnythingAndPort0AreRefused() {
        for (int port : new int[] {0, 7, 13, 17, 19, 37}) {
            assertThat(EchoService.couldLoop(port)).as("port %d", port).isTrue();
        }
        for (int port : new int[] {9, 53, 1024, 7390, 49152, 65535}) {
            assertThat(EchoService.couldLoop(port)).as("port %d", port).isFalse();
        }
    }

    /**
     * A probe from an ordinary port, echoed: the module serves its datagrams in order, so
     * whatever it answered to the one before has been sent by now.
     */
    private static void awaitServed(SimulatedModule module, DatagramSocket probe) throws IOException {
        byte[] ping = {'p', 'i', 'n', 'g'};
        probe.send(new DatagramPacket(ping, ping.length, LOOPBACK, module.echoUdpPort()));
        DatagramPacket reply = new DatagramPacket(new byte[16], 16);
        probe.receive(reply);
        assertThat(reply.getLength()).isEqualTo(ping.length);
    }

    /** Port 7 on loopback: a privileged port, so this needs root (as CI has) or CAP_NET_BIND_SERVICE. */
    private static DatagramChannel bindEchoPort() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(LOOPBACK, EchoService.PORT));
        } catch (SocketException e) {
            channel.close();
            Assumptions.abort("cannot bind UDP 127.0.0.1:7 to play the other module's echo port: " + e.getMessage());
        }
        return channel;
    }

    /** A free host port P with P - 7 + 7391 (the discovery port) still a port. */
    private static int freePortWithRoomAbove() throws IOException {
        while (true) {
            try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
                int port = probe.getLocalPort();
                if (port - EchoService.PORT + org.skvmoip.protocol.Protocol.DISCOVERY_UDP_PORT <= 0xFFFF) {
                    return port;
                }
            }
        }
    }
}
