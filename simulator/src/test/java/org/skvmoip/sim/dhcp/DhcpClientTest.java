package org.skvmoip.sim.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.sim.dhcp.TestDhcpServer.bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.firmware.dhcp.DhcpClient;
import org.skvmoip.firmware.dhcp.DhcpMessage;
import org.skvmoip.firmware.net.ModuleIdentity;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.board.SimUniqueId;
import org.skvmoip.sim.board.SystemClock;
import org.skvmoip.sim.dhcp.TestDhcpServer.Request;
import org.skvmoip.sim.w5500.HostNetwork;

/**
 * The firmware's DHCP client on the W5500 model, against a DHCP server on 127.0.0.1:67. Time
 * for the client is a number the test moves forward ({@code now}), so leases, T1, T2 and the
 * retransmission schedule run in test time; only the datagrams travel in real time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DhcpClientTest {

    private static final int MODULE_INDEX = 3;
    private static final byte[] HOST_NAME = "rack-3".getBytes();

    private TestDhcpServer server;
    private SimBoard board;
    private NetworkConfig config;
    private NetworkConfig fallback;
    private DhcpClient client;
    private long now = 1_000_000;

    @BeforeEach
    void setUp() throws Exception {
        server = new TestDhcpServer(DhcpMessage.SERVER_PORT);
        board = new SimBoard(HostNetwork.loopback(-1));
        config = new NetworkConfig();
        new ModuleIdentity(new SimUniqueId(MODULE_INDEX)).applyTo(config);
        W5500 chip = new W5500(board.w5500Spi(), board.w5500Reset(), board.w5500Interrupt(), SystemClock.INSTANCE);
        assertThat(chip.start(config)).isTrue();
        fallback = new NetworkConfig();
        fallback.setIp(192, 168, 1, 250);
        fallback.setSubnet(255, 255, 255, 0);
        fallback.setGateway(192, 168, 1, 1);
        client = new DhcpClient(chip.socket(2), config, fallback, 42);
        client.setHostName(HOST_NAME, 0, HOST_NAME.length);
    }

    @AfterEach
    void tearDown() throws Exception {
        board.close();
        server.close();
    }

    @Test
    void givenAServer_whenStarted_thenDiscoverOfferRequestAckBindsTheOfferedAddress() throws Exception {
        client.start(now);
        client.poll(now);

        Request discover = server.next();
        assertThat(discover.type()).isEqualTo(DhcpMessage.DHCPDISCOVER);
        assertThat(discover.op()).isEqualTo(1);
        assertThat(discover.chaddr()).isEqualTo(config.mac);
        assertThat(discover.broadcastFlag()).as("broadcast flag: the W5500 drops unicast before it has an IP").isTrue();
        assertThat(discover.ciaddr()).isEqualTo(new byte[4]);
        assertThat(discover.options().get(61)).as("client id: type 1 + MAC")
                .isEqualTo(new byte[] {1, config.mac[0], config.mac[1], config.mac[2], config.mac[3], config.mac[4], config.mac[5]});
        assertThat(TestDhcpServer.codes(discover.options().get(55))).containsExactly(1, 3, 6, 51, 58, 59);
        assertThat(discover.options().get(57)).isEqualTo(new byte[] {2, 64}); // 576
        assertThat(discover.options().get(12)).isEqualTo(HOST_NAME);
        assertThat(discover.options()).doesNotContainKeys(50, 54);

        pollUntil(() -> client.bound(), "bound");
        Request request = server.next();
        assertThat(request.type()).isEqualTo(DhcpMessage.DHCPREQUEST);
        assertThat(request.xid()).as("the REQUEST answers the OFFER of the same exchange").isEqualTo(discover.xid());
        assertThat(request.options().get(50)).isEqualTo(bytes(server.offerAddress));
        assertThat(request.options().get(54)).isEqualTo(bytes(TestDhcpServer.SERVER_ID));
        assertThat(request.ciaddr()).isEqualTo(new byte[4]);

        assertThat(client.state()).isEqualTo(DhcpClient.STATE_BOUND);
        assertThat(config.ip).isEqualTo(bytes(server.offerAddress));
        assertThat(config.subnet).isEqualTo(bytes(TestDhcpServer.SUBNET));
        assertThat(config.gateway).isEqualTo(bytes(TestDhcpServer.ROUTER));
        assertThat(client.takeAddressChange()).isTrue();
        assertThat(client.takeAddressChange()).as("reading the change clears it").isFalse();
        assertThat(client.leaseSeconds()).isEqualTo(3600);
        assertThat(client.renewAt()).isEqualTo(now + 1_800_000);
        assertThat(client.rebindAt()).isEqualTo(now + 3_150_000);
        assertThat(client.leaseExpiresAt()).isEqualTo(now + 3_600_000);
        assertThat(client.nextDeadline()).isEqualTo(client.renewAt());
        byte[] dns = new byte[4];
        client.dns(dns, 0);
        assertThat(dns).isEqualTo(bytes(TestDhcpServer.DNS));
    }

    @Test
    void givenABoundLease_whenT1Comes_thenAUnicastRenewalExtendsTheLease() throws Exception {
        server.leaseSeconds = 100;
        bind();

        now = client.renewAt();
        client.poll(now);
        assertThat(client.state()).isEqualTo(DhcpClient.STATE_RENEWING);
        pollUntil(() -> client.state() == DhcpClient.STATE_BOUND, "renewed");

        Request renewal = server.next();
        assertThat(renewal.type()).isEqualTo(DhcpMessage.DHCPREQUEST);
        assertThat(renewal.ciaddr()).as("RENEWING names the bound address in ciaddr").isEqualTo(config.ip);
        assertThat(renewal.options()).as("and must not carry requested IP or server id").doesNotContainKeys(50, 54);
        assertThat(renewal.broadcastFlag()).isFalse();
        assertThat(client.leaseExpiresAt()).isEqualTo(now + 100_000);
        assertThat(client.renewAt()).isEqualTo(now + 50_000);
        assertThat(config.ip).isEqualTo(bytes(server.offerAddress));
    }

    @Test
    void givenAServerThatStopsAnswering_whenT2Comes_thenTheClientRebindsByBroadcast_andLosesTheAddressAtExpiry()
            throws Exception {
        server.leaseSeconds = 100;
        bind();
        server.silent = true;

        now = client.renewAt();
        pollUntilSent();
        assertThat(server.next().ciaddr()).isEqualTo(config.ip);
        assertThat(client.nextDeadline()).as("the next renewal attempt would be after T2: none before it")
                .isEqualTo(client.rebindAt());
        now = client.rebindAt();
        pollUntilSent();
        assertThat(client.state()).isEqualTo(DhcpClient.STATE_REBINDING);
        Request rebind = server.next();
        assertThat(rebind.type()).isEqualTo(DhcpMessage.DHCPREQUEST);
        assertThat(rebind.ciaddr()).isEqualTo(config.ip);

        now = client.leaseExpiresAt();
        pollUntilSent();
        assertThat(client.state()).isEqualTo(DhcpClient.STATE_SELECTING);
        assertThat(config.ip).as("an expired lease's address is no longer used").isEqualTo(new byte[4]);
        assertThat(client.takeAddressChange()).isTrue();
        assertThat(server.next().type()).isEqualTo(DhcpMessage.DHCPDISCOVER);
    }

    @Test
    void givenABoundLease_whenTheRenewalIsNaked_thenTheClientStartsOverAndBindsAgain() throws Exception {
        bind();
        server.nakRequests = true;
        server.offerAddress = new int[] {192, 168, 100, 78};

        now = client.renewAt();
        client.poll(now);
        pollUntil(() -> client.naksReceived() == 1, "NAK received");
        assertThat(client.bound()).isFalse();
        assertThat(config.ip).isEqualTo(new byte[4]);
        assertThat(server.next().type()).isEqualTo(DhcpMessage.DHCPREQUEST);
        assertThat(server.next().type()).as("after a NAK the client goes back to INIT").isEqualTo(DhcpMessage.DHCPDISCOVER);

        server.nakRequests = false;
        pollUntil(() -> client.bound(), "bound again");
        assertThat(config.ip).isEqualTo(bytes(server.offerAddress));
        assertThat(client.leasesObtained()).isEqualTo(2);
    }

    @Test
    void givenNoServer_whenDiscovering_thenRetransmitsAt4_8_16_32_64SecondsWithJitter_andFallsBackAfterFive()
            throws Exception {
        server.silent = true;
        client.start(now);
        client.poll(now);
        Request first = server.next();
        long[] expected = {4_000, 8_000, 16_000, 32_000, 64_000, 64_000, 64_000};
        List<Long> waits = new ArrayList<>();

        for (int i = 0; i < expected.length; i++) {
            long wait = client.nextDeadline() - now;
            waits.add(wait);
            assertThat(wait).as("wait before retransmission %d", i + 1).isBetween(expected[i] - 1_000, expected[i] + 1_000);
            client.poll(now + wait - 1);
            assertThat(server.poll(50)).as("nothing is sent before the timeout").isNull();
            now += wait;
            pollUntilSent();
            Request again = server.next();
            assertThat(again.type()).isEqualTo(DhcpMessage.DHCPDISCOVER);
            assertThat(again.xid()).isEqualTo(first.xid());
            assertThat(client.usingFallback()).as("fallback after the fifth unanswered DISCOVER only")
                    .isEqualTo(i >= 4);
        }
        assertThat(waits).as("randomised, not exact").anyMatch(w -> w % 1_000 != 0);
        assertThat(client.state()).isEqualTo(DhcpClient.STATE_SELECTING);
        assertThat(client.bound()).isFalse();
        assertThat(config.ip).isEqualTo(fallback.ip);
        assertThat(config.subnet).isEqualTo(fallback.subnet);
        assertThat(config.gateway).isEqualTo(fallback.gateway);

        server.silent = false;
        now = client.nextDeadline();
        client.poll(now);
        pollUntil(() -> client.bound(), "a server that appears later replaces the fallback");
        assertThat(client.usingFallback()).isFalse();
        assertThat(config.ip).isEqualTo(bytes(server.offerAddress));
    }

    @Test
    void givenMalformedAndForeignReplies_whenSelecting_thenEachIsIgnoredAndTheGoodOfferIsTaken() throws Exception {
        List<UnaryOperator<byte[]>> junk = List.of(
                set(236, 0x12),                       // magic cookie broken
                b -> java.util.Arrays.copyOf(b, 239), // shorter than header + cookie
                b -> java.util.Arrays.copyOf(b, 242), // options cut in the middle of option 53
                set(241, 200),                        // option 53 claims 200 bytes: past the end
                set(241, 2),                          // message type with length 2
                endless(),                            // no END option before the datagram ends
                set(4, 0x55),                         // another exchange's xid
                set(33, 0x01),                        // another client's chaddr
                set(0, 1),                            // a BOOTREQUEST, not a reply
                set(244, 3));                         // server id option with length 3
        server.offerAddress = new int[] {192, 168, 100, 90};
        server.junkBeforeOffer = junk.stream()
                .map(mutation -> (UnaryOperator<byte[]>) offer -> badAddress(mutation.apply(offer)))
                .toList();

        client.start(now);
        pollUntil(() -> client.bound(), "bound to the good offer");

        assertThat(client.ignoredReplies()).isEqualTo(junk.size());
        server.next();
        Request request = server.next();
        assertThat(request.options().get(50)).isEqualTo(bytes(server.offerAddress));
        assertThat(config.ip).isEqualTo(bytes(server.offerAddress));
    }

    private void bind() throws Exception {
        client.start(now);
        pollUntil(() -> client.bound(), "bound");
        server.next();
        server.next();
        client.takeAddressChange();
    }

    /** Polls at the current test time until the client has handed one more message to the chip. */
    private void pollUntilSent() throws InterruptedException {
        int before = client.transmissions();
        pollUntil(() -> client.transmissions() > before, "sends");
    }

    private void pollUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            client.poll(now);
            if (condition.getAsBoolean()) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("DHCP client %s (state %s)", what,
                    DhcpClient.describeState(client.state())).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static UnaryOperator<byte[]> set(int offset, int value) {
        return b -> {
            b[offset] = (byte) value;
            return b;
        };
    }

    /** Fills everything after the last option with PAD, removing END. */
    private static UnaryOperator<byte[]> endless() {
        return b -> {
            for (int i = 240; i < b.length; i++) {
                if ((b[i] & 0xFF) == 255) {
                    java.util.Arrays.fill(b, i, b.length, (byte) 0);
                    break;
                }
                if (b[i] != 0) {
                    i += 1 + (b[i + 1] & 0xFF);
                }
            }
            return b;
        };
    }

    /** A junk offer names 10.9.9.9 so that taking one would show in the REQUEST. */
    private static byte[] badAddress(byte[] b) {
        if (b.length >= 20) {
            b[16] = 10;
            b[17] = 9;
            b[18] = 9;
            b[19] = 9;
        }
        return b;
    }
}
