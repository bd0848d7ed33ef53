package org.skvmoip.firmware;

/**
 * Which of the W5500's eight sockets does what, and how the chip's 16 KB of TX and 16 KB of RX
 * buffer are split among them (each socket's size: 0, 1, 2, 4, 8 or 16 KB; the sums must not
 * pass 16). Control frames are at most 88 bytes, but the control socket gets 4 KB each way so a
 * burst of input never waits on a window; DHCP gets 2 KB of RX so an offer (up to 576 bytes)
 * fits even with a second one queued; the echo diagnostic, when switched on, gets what is left.
 */
public final class SocketPlan {

    private SocketPlan() {
    }

    /** TCP: the control protocol (docs/protocol.md), port 7390. */
    public static final int CONTROL_TCP = 0;
    /** UDP: discovery responder, port 7391. */
    public static final int DISCOVERY_UDP = 1;
    /** UDP: DHCP client, port 68. */
    public static final int DHCP_UDP = 2;
    /** TCP and UDP: the echo service (RFC 862, port 7), a network diagnostic, off by default. */
    public static final int ECHO_TCP = 3;
    public static final int ECHO_UDP = 4;

    /** KB per socket, index = socket number. TX: 4+1+1+4+2 = 12; RX: 4+1+2+4+2 = 13. */
    static final int[] TX_KB = {4, 1, 1, 4, 2, 0, 0, 0};
    static final int[] RX_KB = {4, 1, 2, 4, 2, 0, 0, 0};

    public static int txKb(int socket) {
        return TX_KB[socket];
    }

    public static int rxKb(int socket) {
        return RX_KB[socket];
    }
}
