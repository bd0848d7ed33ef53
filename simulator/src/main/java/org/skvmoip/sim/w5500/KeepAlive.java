package org.skvmoip.sim.w5500;

/**
 * A TCP socket's keep-alive (datasheet v1.1 §4.2 Sn_KPALVTR and Sn_CR SEND_KEEP): none until data
 * has moved on the connection once; then one every Sn_KPALVTR x 5 s of quiet, or one per
 * SEND_KEEP while Sn_KPALVTR is 0. Unanswered, it is retransmitted from when it was first sent
 * until TCP_TO. Guarded by the chip monitor.
 */
final class KeepAlive {

    static final long NEVER = Long.MAX_VALUE;
    private static final long UNIT_NANOS = 5_000_000_000L;

    private boolean dataMoved;
    /** When data last moved or a keep-alive was last answered. */
    private long lastActivityNanos;
    private boolean requested;
    /** When the unanswered keep-alive now being retransmitted was first sent; 0 when none. */
    private long sentNanos;

    void reset() {
        dataMoved = false;
        requested = false;
        sentNanos = 0;
    }

    static long periodNanos(int kpalvtr) {
        return (kpalvtr & 0xFF) * UNIT_NANOS;
    }

    /** Data was sent (and acknowledged) or received. */
    void dataMoved(long now) {
        dataMoved = true;
        lastActivityNanos = now;
    }

    /** SEND_KEEP: ignored before data has moved and while Sn_KPALVTR sends keep-alives itself. */
    void request(long periodNanos) {
        if (dataMoved && periodNanos == 0) {
            requested = true;
        }
    }

    /** When the next automatic keep-alive is due, or {@link #NEVER}. */
    long nextNanos(long periodNanos) {
        return periodNanos == 0 || !dataMoved ? NEVER : lastActivityNanos + periodNanos;
    }

    /** One is to be sent now, or is being retransmitted. */
    boolean due(long now, long periodNanos) {
        long next = nextNanos(periodNanos);
        return requested || sentNanos != 0 || next != NEVER && now - next >= 0;
    }

    /** The peer ACKed it: the connection lives, and the quiet period starts again. */
    void answered(long now) {
        requested = false;
        sentNanos = 0;
        lastActivityNanos = now;
    }

    /** It went unanswered: when it was first sent, from which TCP_TO is counted. */
    long unanswered(long now) {
        if (sentNanos == 0) {
            sentNanos = now;
        }
        return sentNanos;
    }
}
