package org.skvmoip.sim.w5500;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * How the chip's LAN maps onto this host: the simulated LAN is the host's IPv4 loopback and
 * nothing else, so a simulated module can never reach (or be reached from) a real network.
 *
 * <ul>
 *   <li>A chip socket on port P listens or binds on 127.0.0.1:(P + portOffset), or on an
 *       ephemeral port when portOffset is negative (ask {@link W5500Model#hostPort}). The offset
 *       lets many modules of a rack share one host.
 *   <li>A chip CONNECT or UDP send to a.b.c.d:P goes to 127.0.0.1:P, whatever a.b.c.d is.
 * </ul>
 */
public final class HostNetwork {

    private static final int MAX_PORT = 0xFFFF;

    private final InetAddress address;
    private final int portOffset;

    private HostNetwork(int portOffset) {
        this.portOffset = portOffset;
        try {
            this.address = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal IPv4 address cannot be unknown", e);
        }
    }

    /**
     * @param portOffset added to a chip port to get its host port; negative means ephemeral ports
     */
    public static HostNetwork loopback(int portOffset) {
        return new HostNetwork(portOffset);
    }

    public int portOffset() {
        return portOffset;
    }

    InetAddress address() {
        return address;
    }

    /**
     * The host port for chip port {@code chipPort}: 0 (ephemeral) with a negative offset.
     *
     * @throws IllegalArgumentException when chip port + offset is past 65535
     */
    int bindPort(int chipPort) {
        if (portOffset < 0) {
            return 0;
        }
        int port = chipPort + portOffset;
        if (port > MAX_PORT) {
            throw new IllegalArgumentException("chip port " + chipPort + " + port offset " + portOffset
                    + " = " + port + " is past 65535; use a smaller offset or a negative one for ephemeral ports");
        }
        return port;
    }

    /**
     * Nobody has bound UDP port {@code port} on the loopback address, so a datagram sent there
     * would be answered with ICMP port unreachable. Found by trying to bind it for a moment
     * (without SO_REUSEADDR, so any socket bound there, wildcard or shared, makes the bind fail).
     */
    boolean nobodyOnUdpPort(int port) {
        if (port <= 0 || port > MAX_PORT) {
            return false;
        }
        try (DatagramSocket probe = new DatagramSocket(null)) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    InetSocketAddress destination(int chipPort) {
        return new InetSocketAddress(address, chipPort);
    }

    @Override
    public String toString() {
        return portOffset < 0 ? "loopback, ephemeral ports" : "loopback, chip port + " + portOffset;
    }
}
