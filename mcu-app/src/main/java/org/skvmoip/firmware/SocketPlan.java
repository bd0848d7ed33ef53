package org.skvmoip.firmware;

/**
 * Which of the W5500's eight sockets does what, and how the chip's 16 KB of TX and 16 KB of RX
 * buffer are split among them (each socket's size: 0, 1, 2, 4, 8 or 16 KB; the sums must not
 * pass 16). The TCP service socket gets the most, so a burst of input or output never waits
 * on a small window; UDP sockets carry single small datagrams.
 */
public final class SocketPlan {

    private SocketPlan() {
    }

    /** TCP service socket (today the echo service; the control protocol later). */
    public static final int SERVICE_TCP = 0;
    /** UDP service socket (echo today; discovery later). */
    public static final int SERVICE_UDP = 1;

    /** KB per socket, index = socket number. 8 + 2 + 2 + 4 x 1 = 16. Sockets 6-7 unused. */
    static final int[] TX_KB = {8, 2, 2, 1, 1, 1, 1, 0};
    static final int[] RX_KB = {8, 2, 2, 1, 1, 1, 1, 0};

    public static int txKb(int socket) {
        return TX_KB[socket];
    }

    public static int rxKb(int socket) {
        return RX_KB[socket];
    }
}
