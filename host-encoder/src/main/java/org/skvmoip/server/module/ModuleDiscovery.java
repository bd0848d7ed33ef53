package org.skvmoip.server.module;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.skvmoip.protocol.Discovery;
import org.skvmoip.protocol.Protocol;

/**
 * Finds modules on the LAN (docs/protocol.md §8): one DISCOVER to each target (the broadcast
 * address by default), then every ANNOUNCE carrying the same request id, each module once.
 * Datagrams that are not such an ANNOUNCE are ignored, as the modules ignore bad DISCOVERs.
 */
final class ModuleDiscovery {

    public static final String DEFAULT_TARGET = "255.255.255.255:" + Protocol.DISCOVERY_UDP_PORT;

    /** How long one receive may block, so an interrupt is noticed within it. */
    private static final int RECEIVE_SLICE_MILLIS = 100;

    private final List<InetSocketAddress> targets;
    private final SecureRandom random;

    ModuleDiscovery(List<InetSocketAddress> targets, SecureRandom random) {
        this.targets = List.copyOf(targets);
        this.random = random;
    }

    /** "host:port" (IPv6 in brackets) as a target; a malformed one is an IllegalArgumentException naming it. */
    static InetSocketAddress target(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon).trim() : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("discovery target '" + text + "' is not host:port (for example "
                    + DEFAULT_TARGET + ")");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    List<DiscoveredModule> discover(Duration wait) throws IOException, InterruptedException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            int requestId = random.nextInt();
            sendDiscover(socket, requestId);
            return collectAnnounces(socket, requestId, System.nanoTime() + wait.toNanos());
        }
    }

    private void sendDiscover(DatagramSocket socket, int requestId) throws IOException {
        byte[] request = new byte[Discovery.DISCOVER_LENGTH];
        Discovery.writeDiscover(request, 0, requestId);
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress target : targets) {
            try {
                InetSocketAddress resolved = new InetSocketAddress(target.getHostString(), target.getPort());
                socket.send(new DatagramPacket(request, request.length, resolved));
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                failures.add(target.getHostString() + ":" + target.getPort() + " (" + e.getMessage() + ")");
            }
        }
        if (!failures.isEmpty() && failures.size() == targets.size()) {
            throw new IOException("could not send DISCOVER to any discovery target: " + String.join(", ", failures)
                    + "; check the server's discovery targets and network");
        }
    }

    private static List<DiscoveredModule> collectAnnounces(DatagramSocket socket, int requestId, long deadline)
            throws IOException, InterruptedException {
        Map<String, DiscoveredModule> found = new LinkedHashMap<>();
        byte[] buffer = new byte[Discovery.DISCOVER_LENGTH * 2];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("discovery interrupted");
            }
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                return List.copyOf(found.values());
            }
            socket.setSoTimeout((int) Math.min(leftMillis, RECEIVE_SLICE_MILLIS));
            packet.setLength(buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            int length = packet.getLength();
            if (Discovery.checkAnnounce(buffer, 0, length) == 0 && Discovery.requestId(buffer, 0) == requestId) {
                String id = ModuleIds.hex(buffer, Discovery.MODULE_ID, Protocol.MODULE_ID_LENGTH);
                found.putIfAbsent(id, new DiscoveredModule(id, packet.getAddress().getHostAddress(),
                        Discovery.controlPort(buffer, 0), Discovery.firmwareVersion(buffer, 0),
                        Discovery.isAdopted(buffer, 0)));
            }
        }
    }
}
