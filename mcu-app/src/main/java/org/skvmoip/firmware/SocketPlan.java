package org.skvmoip.firmware;

/**
 * Which of the W5500's eight sockets does what, and how the chip's 16 KB of TX and 16 KB of RX
 * buffer are split among them (each socket's size: 0, 1, 2, 4, 8 or 16 KB; the sums must not
 * pass 16). Three sockets listen on the control port, so that peers on the LAN who are not the
 * server cannot take every one of them (ControlListeners); control frames are at most 88 bytes,
 * and each control socket gets 2 KB each way, room for 23 of the longest, so a burst of input
 * still never waits on a window. DHCP gets 2 KB of RX so an offer (up to 576 bytes) fits even
 * with a second one queued; the echo diagnostic, when switched on, gets what is left.
 */
public final class SocketPlan {

    private SocketPlan() {
    }

    /** TCP: the control protocol (docs/protocol.md), port 7390; the first of {@link #CONTROL_SOCKETS}. */
    public static final int CONTROL_TCP = 0;
    /** UDP: discovery responder, port 7391. */
    public static final int DISCOVERY_UDP = 1;
    /** UDP: DHCP client, port 68. */
    public static final int DHCP_UDP = 2;
    /** TCP and UDP: the echo service (RFC 862, port 7), a network diagnostic, off by default. */
    public static final int ECHO_TCP = 3;
    public static final int ECHO_UDP = 4;
    /** TCP: the second and third sockets listening on the control port. */
    public static final int CONTROL_TCP_SECOND = 5;
    public static final int CONTROL_TCP_THIRD = 6;

    /** Every socket that listens on the control port. */
    static final int[] CONTROL_SOCKETS = {CONTROL_TCP, CONTROL_TCP_SECOND, CONTROL_TCP_THIRD};

    /** KB per socket, index = socket number. TX: 2+1+1+4+2+2+2 = 14; RX: 2+1+2+4+2+2+2 = 15. */
    static final int[] TX_KB = {2, 1, 1, 4, 2, 2, 2, 0};
    static final int[] RX_KB = {2, 1, 2, 4, 2, 2, 2, 0};

    public static int txKb(int socket) {
        return TX_KB[socket];
    }

    public static int rxKb(int socket) {
        return RX_KB[socket];
    }

    public static int controlSockets() {
        return CONTROL_SOCKETS.length;
    }

    /** The socket number of control socket {@code i}, 0 to {@link #controlSockets()} - 1. */
    public static int controlSocket(int i) {
        return CONTROL_SOCKETS[i];
    }
}
