package org.skvmoip.server.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import io.netty.channel.Channel;

/**
 * Bounds the connections open at once, in all and per address, so that a flood of them cannot
 * exhaust memory or file descriptors, and one address cannot take every connection and lock the
 * others out. IPv6 addresses count per /64, the block one host usually holds (and can pick
 * addresses in at will).
 */
final class ConnectionLimit {

    private final int max;
    private final int perAddress;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int open;

    ConnectionLimit(int max, int perAddress) {
        this.max = max;
        this.perAddress = perAddress;
    }

    /** Counts {@code channel} until it closes; false (and not counted) when a bound is reached. */
    boolean admit(Channel channel) {
        String address = addressKey(channel.remoteAddress());
        synchronized (this) {
            int fromAddress = byAddress.getOrDefault(address, 0);
            if (open >= max || fromAddress >= perAddress) {
                return false;
            }
            open++;
            byAddress.put(address, fromAddress + 1);
        }
        channel.closeFuture().addListener(f -> release(address));
        return true;
    }

    private synchronized void release(String address) {
        open--;
        // Entries live only while their address has connections: the map never outgrows the bound.
        byAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    }

    synchronized int open() {
        return open;
    }

    /** The address itself for IPv4, its /64 for IPv6. */
    static String addressKey(SocketAddress peer) {
        if (!(peer instanceof InetSocketAddress remote) || remote.getAddress() == null) {
            return String.valueOf(peer);
        }
        InetAddress address = remote.getAddress();
        if (address instanceof Inet6Address) {
            return HexFormat.of().formatHex(address.getAddress(), 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }
}
