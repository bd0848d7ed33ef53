package org.skvmoip.firmware.echo;

import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.firmware.w5500.W5500Socket;

/**
 * The echo service (RFC 862) on TCP and UDP port 7: a bring-up diagnostic, the simplest proof
 * that the whole network path works. Off unless the settings page switches it on
 * ({@code ModuleSettings.echoDiagnostic}). A TCP client gets a one-line greeting, then every
 * byte it sends comes back. One TCP client at a time, as the chip's one listening socket
 * accepts one connection; the next is served when it ends.
 *
 * <p>UDP echo answers whoever the source address names, and UDP source addresses are not
 * checked by anyone: one forged datagram from module A's port 7 to module B's port 7 would
 * have the two echo each other for ever, and the same holds for any service that answers every
 * datagram. So a datagram from such a port, or from port 0 (RFC 768: no reply wanted), is
 * dropped unanswered, as inetd's built-in services do.
 *
 * <p>Back-pressure instead of buffering: while echoed bytes wait for TX space, nothing more is
 * read, so the W5500's RX window closes and the sender slows down.
 */
public final class EchoService {

    public static final int PORT = 7;
    /** Application buffer: one W5500 frame chunk's worth of echo in flight. */
    static final int BUFFER_BYTES = 1024;
    /** Rounds of recv/send per poll, so one busy client cannot starve the rest of the loop. */
    private static final int MAX_ROUNDS_PER_POLL = 8;

    private static final byte[] GREETING = ascii("SKVMOIP module echo service: what you send comes back.\r\n");

    private final W5500Socket tcp;
    private final W5500Socket udp;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int pendingOff;
    private int pendingLen;
    private boolean greetingPending;

    private final byte[] datagram = new byte[BUFFER_BYTES];
    private final byte[] datagramPeer = new byte[4];
    private int datagramPeerPort;
    private int datagramLen;

    private int connectionsAccepted;
    private int loopsRefused;

    public EchoService(W5500 chip) {
        this.tcp = chip.socket(SocketPlan.ECHO_TCP);
        this.udp = chip.socket(SocketPlan.ECHO_UDP);
    }

    /** Serves both sockets without blocking; call whenever INTn fires and at least now and then. */
    public void poll() {
        pollTcp();
        pollUdp();
    }

    /** The link went down: drop the connection (the peer cannot be told) and start afresh later. */
    public void linkLost() {
        tcp.close();
        udp.close();
        pendingLen = 0;
        datagramLen = 0;
    }

    public int connectionsAccepted() {
        return connectionsAccepted;
    }

    /** Datagrams dropped because their source port belongs to a service that answers anything. */
    public int loopsRefused() {
        return loopsRefused;
    }

    /**
     * Whether a datagram from {@code port} must go unanswered: port 0, or the port of a service
     * that answers every datagram - echo (RFC 862), daytime (RFC 867), quote of the day
     * (RFC 865), character generator (RFC 864), time (RFC 868) - whose answer would come back.
     */
    public static boolean couldLoop(int port) {
        switch (port) {
            case 0:
            case PORT:
            case 13:
            case 17:
            case 19:
            case 37:
                return true;
            default:
                return false;
        }
    }

    private void pollTcp() {
        int events = tcp.takeInterrupts();
        int state = tcp.status();
        switch (state) {
            case SocketRegisters.SOCK_CLOSED:
                pendingLen = 0;
                greetingPending = false;
                if (tcp.openTcp(PORT) == 0) {
                    tcp.listen();
                }
                break;
            case SocketRegisters.SOCK_INIT:
                tcp.listen();
                break;
            case SocketRegisters.SOCK_ESTABLISHED:
                if ((events & SocketRegisters.Sn_IR_CON) != 0 || greetingPending) {
                    onConnected(events);
                }
                pump();
                break;
            case SocketRegisters.SOCK_CLOSE_WAIT:
                // The client has finished sending: echo what is left, then close our side.
                pump();
                if (pendingLen == 0 && tcp.available() == 0) {
                    tcp.disconnect();
                }
                break;
            default:
                // LISTEN or a transient state: the chip is working; INTn tells when it is done.
                break;
        }
    }

    private void onConnected(int events) {
        if ((events & SocketRegisters.Sn_IR_CON) != 0) {
            connectionsAccepted++;
            greetingPending = true;
        }
        int n = tcp.send(GREETING, 0, GREETING.length);
        if (n == GREETING.length) {
            greetingPending = false;
        }
    }

    private void pump() {
        for (int round = 0; round < MAX_ROUNDS_PER_POLL && !greetingPending; round++) {
            if (pendingLen == 0) {
                int n = tcp.recv(buffer, 0, buffer.length);
                if (n <= 0) {
                    return;
                }
                pendingOff = 0;
                pendingLen = n;
            }
            int sent = tcp.send(buffer, pendingOff, pendingLen);
            if (sent <= 0) {
                return;
            }
            pendingOff += sent;
            pendingLen -= sent;
        }
    }

    private void pollUdp() {
        udp.takeInterrupts();
        if (udp.status() != SocketRegisters.SOCK_UDP) {
            datagramLen = 0;
            udp.openUdp(PORT);
            return;
        }
        for (int round = 0; round < MAX_ROUNDS_PER_POLL; round++) {
            if (datagramLen > 0) {
                int sent = udp.sendTo(datagramPeer, 0, datagramPeerPort, datagram, 0, datagramLen);
                if (sent == 0) {
                    return;
                }
                datagramLen = 0;
            }
            int n = udp.recvFrom(datagram, 0, datagram.length);
            if (n <= 0) {
                return;
            }
            datagramPeerPort = udp.lastPeerPort();
            if (couldLoop(datagramPeerPort)) {
                loopsRefused++;
                continue;
            }
            udp.lastPeerIp(datagramPeer, 0);
            datagramLen = n;
        }
    }

    private static byte[] ascii(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return bytes;
    }
}
