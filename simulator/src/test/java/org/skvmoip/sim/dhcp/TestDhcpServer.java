package org.skvmoip.sim.dhcp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A small DHCP server written from RFC 2131 for the tests, independent of the firmware's code:
 * it parses what the client sends with its own reader and answers DISCOVER with an OFFER and
 * REQUEST with an ACK (or a NAK when told), to the datagram's source address and port (the
 * W5500 model's host socket for chip port 68). Every message it receives is kept for asserts.
 */
final class TestDhcpServer implements AutoCloseable {

    static final int[] SERVER_ID = {192, 168, 100, 1};
    static final int[] SUBNET = {255, 255, 255, 0};
    static final int[] ROUTER = {192, 168, 100, 254};
    static final int[] DNS = {192, 168, 100, 53};

    /** One message from the client. */
    record Request(int op, int xid, int secs, int flags, byte[] ciaddr, byte[] chaddr, Map<Integer, byte[]> options) {
        int type() {
            return options.get(53)[0];
        }

        boolean broadcastFlag() {
            return (flags & 0x8000) != 0;
        }
    }

    private final DatagramSocket socket;
    private final Thread thread;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    volatile int[] offerAddress = {192, 168, 100, 77};
    volatile long leaseSeconds = 3600;
    volatile boolean silent;
    volatile boolean nakRequests;
    /** Datagrams sent before the OFFER for each DISCOVER, each made from the good OFFER. */
    volatile List<UnaryOperator<byte[]>> junkBeforeOffer = List.of();

    TestDhcpServer(int port) throws IOException {
        socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = new Thread(this::serve, "test-dhcp-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next message received, waiting up to 10 s (real time: it comes over loopback). */
    Request next() throws InterruptedException {
        Request request = received.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the DHCP client sent nothing within 10 s");
        }
        return request;
    }

    /** A message received within {@code millis}, or null. */
    Request poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                Request request = parse(ByteBuffer.wrap(buffer, 0, packet.getLength()));
                received.add(request);
                if (!silent) {
                    answer(request, packet.getSocketAddress());
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Request request, SocketAddress client) throws IOException {
        if (request.type() == 1) {
            byte[] offer = reply(request, 2, offerAddress);
            for (UnaryOperator<byte[]> junk : junkBeforeOffer) {
                send(junk.apply(offer.clone()), client);
                pause(); // the socket's 2 KB RX buffer holds about six offers; a real chip drops the rest too
            }
            send(offer, client);
        } else if (request.type() == 3) {
            if (nakRequests) {
                send(reply(request, 6, null), client);
                return;
            }
            byte[] requested = request.options().get(50);
            int[] address = requested != null ? unsigned(requested) : unsigned(request.ciaddr());
            send(reply(request, 5, address), client);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void send(byte[] datagram, SocketAddress to) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, to));
    }

    /** A BOOTREPLY per RFC 2131 table 3: OFFER/ACK carry yiaddr, lease, mask, router, DNS; NAK none. */
    byte[] reply(Request request, int type, int[] yiaddr) {
        ByteBuffer b = ByteBuffer.allocate(548);
        b.put((byte) 2).put((byte) 1).put((byte) 6).put((byte) 0);
        b.putInt(request.xid()).putShort((short) 0).putShort((short) request.flags());
        b.put(new byte[4]); // ciaddr
        b.put(yiaddr == null ? new byte[4] : bytes(yiaddr));
        b.put(new byte[8]); // siaddr, giaddr
        b.put(request.chaddr()).put(new byte[10]).put(new byte[64 + 128]);
        b.putInt(0x63825363);
        b.put((byte) 53).put((byte) 1).put((byte) type);
        b.put((byte) 54).put((byte) 4).put(bytes(SERVER_ID));
        if (type != 6) {
            b.put((byte) 51).put((byte) 4).putInt((int) leaseSeconds);
            b.put((byte) 1).put((byte) 4).put(bytes(SUBNET));
            b.put((byte) 3).put((byte) 4).put(bytes(ROUTER));
            b.put((byte) 6).put((byte) 4).put(bytes(DNS));
        }
        b.put((byte) 255);
        byte[] out = new byte[Math.max(b.position(), 300)];
        System.arraycopy(b.array(), 0, out, 0, b.position());
        return out;
    }

    private static Request parse(ByteBuffer b) {
        int op = b.get(0) & 0xFF;
        int xid = b.getInt(4);
        int secs = b.getShort(8) & 0xFFFF;
        int flags = b.getShort(10) & 0xFFFF;
        byte[] ciaddr = new byte[4];
        b.get(12, ciaddr);
        byte[] chaddr = new byte[6];
        b.get(28, chaddr);
        if (b.getInt(236) != 0x63825363) {
            throw new AssertionError("client sent no magic cookie");
        }
        Map<Integer, byte[]> options = new LinkedHashMap<>();
        int pos = 240;
        while (true) {
            int code = b.get(pos) & 0xFF;
            if (code == 255) {
                break;
            }
            if (code == 0) {
                pos++;
                continue;
            }
            int len = b.get(pos + 1) & 0xFF;
            byte[] value = new byte[len];
            b.get(pos + 2, value);
            options.put(code, value);
            pos += 2 + len;
        }
        return new Request(op, xid, secs, flags, ciaddr, chaddr, options);
    }

    static byte[] bytes(int[] ip) {
        byte[] out = new byte[ip.length];
        for (int i = 0; i < ip.length; i++) {
            out[i] = (byte) ip[i];
        }
        return out;
    }

    static int[] unsigned(byte[] ip) {
        int[] out = new int[ip.length];
        for (int i = 0; i < ip.length; i++) {
            out[i] = ip[i] & 0xFF;
        }
        return out;
    }

    static List<Integer> codes(byte[] list) {
        List<Integer> out = new ArrayList<>();
        for (byte code : list) {
            out.add(code & 0xFF);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2_000);
    }
}
