package org.skvmoip.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.firmware.SocketPlan;

/**
 * The firmware's W5500 driver and echo service, end to end: host programs on real loopback
 * sockets, the W5500 model in between, the firmware main loop on its own thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoEndToEndTest {

    private SimulatedModule module;

    @BeforeEach
    void startModule() throws Exception {
        module = new SimulatedModule(0, -1).withEchoDiagnostic().start();
    }

    @AfterEach
    void stopModule() throws Exception {
        module.close();
    }

    @Test
    void aClientGetsTheGreetingAndItsBytesBack() throws Exception {
        try (EchoClient client = EchoClient.connect(module)) {
            client.send("hello module\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(client.readExactly(13), StandardCharsets.US_ASCII)).isEqualTo("hello module\n");
        }
    }

    @Test
    void payloadsLargerThanTheSocketBuffersComeBackIntact() throws Exception {
        // 8 KB socket buffers: 40 KB makes the TX and RX pointers wrap several times.
        byte[] payload = randomBytes(40 * 1024, 1);
        try (EchoClient client = EchoClient.connect(module)) {
            assertThat(exchange(client, payload)).isEqualTo(payload);
        }
    }

    @Test
    void aMultiMegabyteTransferComesBackByteForByte() throws Exception {
        byte[] payload = randomBytes(4 * 1024 * 1024, 2);
        try (EchoClient client = EchoClient.connect(module)) {
            assertThat(exchange(client, payload)).isEqualTo(payload);
        }
    }

    @Test
    void udpDatagramsAreEchoedToTheirSender() throws Exception {
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udp.setSoTimeout(5_000);
            for (int i = 0; i < 20; i++) {
                byte[] message = ("datagram " + i).getBytes(StandardCharsets.US_ASCII);
                udp.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), module.echoUdpPort()));
                DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
                udp.receive(reply);
                assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII))
                        .isEqualTo("datagram " + i);
            }
        }
    }

    @Test
    void theNextClientIsServedAfterOneDisconnects() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (EchoClient client = EchoClient.connect(module)) {
                client.send(new byte[] {(byte) i});
                assertThat(client.readExactly(1)).containsExactly((byte) i);
            }
        }
        assertThat(module.firmware().echo().connectionsAccepted()).isEqualTo(5);
    }

    @Test
    void whenTheClientFinishesSendingTheModuleEchoesTheRestAndClosesItsSide() throws Exception {
        byte[] payload = randomBytes(20_000, 3);
        try (EchoClient client = EchoClient.connect(module)) {
            client.send(payload);
            client.socket.shutdownOutput();
            assertThat(client.readToEnd()).isEqualTo(payload);
        }
        try (EchoClient next = EchoClient.connect(module)) {
            assertThat(exchange(next, "again".getBytes(StandardCharsets.US_ASCII))).asString().isEqualTo("again");
        }
    }

    @Test
    void aPeerResetEndsTheSessionAndTheModuleServesTheNextOne() throws Exception {
        EchoClient client = EchoClient.connect(module);
        client.send(randomBytes(5_000, 4));
        client.socket.setSoLinger(true, 0);
        client.close();
        try (EchoClient next = EchoClient.connect(module)) {
            assertThat(exchange(next, "after reset".getBytes(StandardCharsets.US_ASCII))).asString().isEqualTo("after reset");
        }
    }

    @Test
    void linkLossEndsTheSessionAndTheModuleServesAgainWhenTheLinkReturns() throws Exception {
        try (EchoClient client = EchoClient.connect(module)) {
            module.w5500().setLinkUp(false);
            assertSessionEnds(client);
        }
        assertThat(module.firmware().linkUp()).isFalse();
        module.w5500().setLinkUp(true);
        try (EchoClient next = EchoClient.connect(module)) {
            assertThat(exchange(next, "link back".getBytes(StandardCharsets.US_ASCII))).asString().isEqualTo("link back");
        }
    }

    @Test
    void aChipResetEndsTheSessionAndTheFirmwareReinitialisesTheChip() throws Exception {
        try (EchoClient client = EchoClient.connect(module)) {
            module.w5500().chipReset();
            assertSessionEnds(client);
        }
        try (EchoClient next = EchoClient.connect(module)) {
            assertThat(exchange(next, "chip back".getBytes(StandardCharsets.US_ASCII))).asString().isEqualTo("chip back");
        }
        assertThat(module.firmware().chipStarts()).isEqualTo(2);
    }

    @Test
    void garbageAndAnAbruptDisconnectMidStreamLeaveTheModuleServing() throws Exception {
        for (int i = 0; i < 3; i++) {
            EchoClient client = EchoClient.connect(module);
            client.send(randomBytes(100_000, 10 + i));
            client.close(); // with 100 KB still to echo
        }
        try (EchoClient next = EchoClient.connect(module)) {
            byte[] payload = randomBytes(10_000, 20);
            assertThat(exchange(next, payload)).isEqualTo(payload);
        }
    }

    @Test
    void aFullTransmitBufferStallsOnlyThatConnectionAndNothingIsLost() throws Exception {
        byte[] payload = randomBytes(200_000, 5);
        try (EchoClient client = EchoClient.connect(module);
                DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            module.w5500().holdTransmit(SocketPlan.ECHO_TCP, true);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> sendQuietly(client, payload));
            Thread.sleep(300);
            // The TCP echo is stuck on a full TX buffer; the main loop still serves UDP.
            udp.setSoTimeout(5_000);
            byte[] ping = "still alive".getBytes(StandardCharsets.US_ASCII);
            udp.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), module.echoUdpPort()));
            DatagramPacket reply = new DatagramPacket(new byte[64], 64);
            udp.receive(reply);
            assertThat(reply.getLength()).isEqualTo(ping.length);

            module.w5500().holdTransmit(SocketPlan.ECHO_TCP, false);
            assertThat(client.readExactly(payload.length)).isEqualTo(payload);
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    /** Sends on one thread while reading on this one, as a real client would. */
    private static byte[] exchange(EchoClient client, byte[] payload) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> sendQuietly(client, payload));
        byte[] echoed = client.readExactly(payload.length);
        writer.get(30, TimeUnit.SECONDS);
        return echoed;
    }

    private static void sendQuietly(EchoClient client, byte[] payload) {
        try {
            client.send(payload);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /**
     * The module drops the connection: the client sees end-of-stream or a reset, not silence
     * (a read timeout fails the test).
     */
    private static void assertSessionEnds(EchoClient client) throws IOException {
        client.socket.setSoTimeout(5_000);
        try {
            int read;
            do {
                read = client.in.read();
            } while (read >= 0);
        } catch (SocketException reset) {
            assertThat(reset.getMessage()).containsIgnoringCase("reset");
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
