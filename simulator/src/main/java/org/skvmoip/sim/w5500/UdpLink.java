package org.skvmoip.sim.w5500;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * A chip UDP socket bridged to a host datagram socket: a receiver thread stores each datagram
 * behind the chip's 8-byte header, a sender thread turns each SEND into one datagram.
 */
final class UdpLink extends HostLink {

    /** The largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    private final int localPort;

    UdpLink(ChipState chip, HostNetwork network, ModelSocket socket, int generation, String name, int localPort) {
        super(chip, network, socket, generation, name);
        this.localPort = localPort;
    }

    @Override
    void start() {
        spawn("udp-rx", this::run);
    }

    private void run() {
        DatagramSocket datagrams;
        try {
            datagrams = new DatagramSocket(null);
            datagrams.setReuseAddress(true);
            datagrams.bind(new InetSocketAddress(network.address(), network.bindPort(localPort)));
        } catch (IOException | IllegalArgumentException e) {
            HostLink.LOG.log(Level.WARNING, "W5500 socket " + socket.index + " cannot bind UDP on the host for chip port "
                    + localPort + " (" + network + "): " + e.getMessage() + "; it will neither send nor receive");
            settle(-1);
            return;
        }
        if (!register(datagrams)) {
            return;
        }
        settle(datagrams.getLocalPort());
        spawn("udp-tx", () -> sendLoop(datagrams));
        receiveLoop(datagrams);
    }

    /**
     * A datagram that does not fit whole in the free RX space is dropped, as the chip drops it.
     * So is one larger than a frame holds: on a real LAN it would arrive as IP fragments, and the
     * chip does not reassemble them (§1: no IP fragmentation).
     */
    private void receiveLoop(DatagramSocket datagrams) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (true) {
            try {
                packet.setLength(buffer.length);
                datagrams.receive(packet);
            } catch (IOException e) {
                return; // closed: the chip socket moved on
            }
            synchronized (chip) {
                if (!isCurrent()) {
                    return;
                }
                boolean unfragmented = packet.getLength() <= ModelSocket.UDP_MAX_PAYLOAD;
                if (chip.wireUp() && unfragmented && socket.appendDatagram(packet.getAddress().getAddress(),
                        packet.getPort(), buffer, packet.getLength())) {
                    chip.changed();
                }
            }
        }
    }

    /**
     * One SEND is one datagram to 127.0.0.1:Sn_DPORT, or several when it holds more than
     * Sn_MSSR (at most 1472, what one Ethernet frame carries): the chip splits rather than
     * fragments. With the cable out the chip's ARP request goes unanswered: after ARP_TO the
     * data is dropped with Sn_IR.TIMEOUT. Sent to a loopback port nobody has bound, the host
     * would answer with ICMP port unreachable, which the chip reports in IR.UNREACH with
     * UIPR/UPORTR (§4.1); Java does not pass ICMP errors on to an unconnected socket, so the
     * model asks the host whether the port is bound.
     */
    private void sendLoop(DatagramSocket datagrams) {
        byte[] buffer = new byte[IO_BUFFER_BYTES];
        byte[] destinationIp = new byte[4];
        try {
            while (true) {
                int n;
                int port;
                int segment;
                boolean broadcast;
                synchronized (chip) {
                    while (true) {
                        if (!isCurrent()) {
                            return;
                        }
                        n = socket.txPending();
                        if (n > 0 && chip.wireUp() && !socket.holdTransmit) {
                            break;
                        }
                        if (n > 0 && !chip.wireUp()
                                && !chip.waitUntil(socket.sendStartNanos + chip.arpTimeoutNanos())) {
                            socket.txDropped();
                            chip.changed();
                        } else if (n == 0 || chip.wireUp()) {
                            chip.wait();
                        }
                    }
                    socket.copyTx(buffer, n);
                    port = socket.sendDestPort;
                    segment = socket.udpSegmentBytes();
                    System.arraycopy(socket.sendDestIp, 0, destinationIp, 0, 4);
                    broadcast = chip.common.isBroadcastOrMulticast(destinationIp, 0);
                }
                for (int offset = 0; offset < n; offset += segment) {
                    send(datagrams, buffer, offset, Math.min(segment, n - offset), port);
                }
                boolean unreachable = !broadcast && network.nobodyOnUdpPort(port);
                synchronized (chip) {
                    if (!isCurrent()) {
                        return;
                    }
                    socket.txSent(n);
                    if (unreachable) {
                        chip.common.unreachable(destinationIp, port);
                    }
                    chip.changed();
                }
            }
        } catch (InterruptedException e) {
            interrupted();
        }
    }

    private void send(DatagramSocket datagrams, byte[] buffer, int offset, int length, int port) {
        try {
            datagrams.send(new DatagramPacket(buffer, offset, length, network.destination(port)));
        } catch (IOException | IllegalArgumentException e) {
            // The chip would have put it on the wire anyway; UDP gives no word of loss.
            HostLink.LOG.log(Level.DEBUG, "W5500 socket " + socket.index + " UDP send to port " + port + ": " + e);
        }
    }

    private void settle(int port) {
        synchronized (chip) {
            if (isCurrent()) {
                socket.settled(port);
                chip.changed();
            }
        }
    }
}
