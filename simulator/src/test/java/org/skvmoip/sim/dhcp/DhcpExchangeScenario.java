package org.skvmoip.sim.dhcp;

import org.skvmoip.firmware.dhcp.DhcpClient;
import org.skvmoip.firmware.dhcp.DhcpMessage;
import org.skvmoip.firmware.net.ModuleIdentity;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.board.SimUniqueId;
import org.skvmoip.sim.board.SystemClock;
import org.skvmoip.sim.probe.AllocationScenario;
import org.skvmoip.sim.w5500.HostNetwork;

/**
 * The DHCP client bound with a 2-second lease while test time runs 10 ms per poll: the
 * measured polls cover BOUND, RENEWING with its REQUEST and ACK, and whatever a late ACK leads
 * to (REBINDING, expiry, a new DISCOVER), over and over.
 */
public final class DhcpExchangeScenario implements AllocationScenario {

    private static final long TEST_MILLIS_PER_POLL = 10;

    private TestDhcpServer server;
    private SimBoard board;
    private DhcpClient client;
    private long now = 1_000;
    private int leasesAtStart;

    @Override
    public void setUp() throws Exception {
        server = new TestDhcpServer(DhcpMessage.SERVER_PORT);
        server.leaseSeconds = 2;
        board = new SimBoard(HostNetwork.loopback(-1));
        NetworkConfig config = new NetworkConfig();
        new ModuleIdentity(new SimUniqueId(9)).applyTo(config);
        W5500 chip = new W5500(board.w5500Spi(), board.w5500Reset(), board.w5500Interrupt(), SystemClock.INSTANCE);
        if (!chip.start(config)) {
            throw new IllegalStateException("the simulated W5500 did not answer");
        }
        NetworkConfig fallback = new NetworkConfig();
        fallback.setIp(192, 168, 1, 250);
        client = new DhcpClient(chip.socket(2), config, fallback, 7);
        client.start(now);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!client.bound()) {
            client.poll(now);
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no lease during setup: " + DhcpClient.describeState(client.state()));
            }
        }
        leasesAtStart = client.leasesObtained();
    }

    @Override
    public void runOnce() {
        client.poll(now);
        client.takeAddressChange();
        now += TEST_MILLIS_PER_POLL;
    }

    @Override
    public void tearDown() throws Exception {
        int leases = client.leasesObtained() - leasesAtStart;
        board.close();
        server.close();
        if (leases < 2) {
            throw new IllegalStateException("only " + leases + " leases renewed while measuring; the measurement"
                    + " would not cover the exchange");
        }
    }
}
