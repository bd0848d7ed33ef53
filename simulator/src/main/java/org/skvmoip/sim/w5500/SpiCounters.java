package org.skvmoip.sim.w5500;

/**
 * SPI traffic the firmware has sent to the model: frames (SCSn falling to rising) and bytes in total, and bytes and
 * address+control headers per block kind and per socket. At the board's 21 MHz SPI clock a byte
 * is 0.38 us of bus time, so these counts are the firmware's W5500 cost.
 *
 * <p>Bytes per block include the 3 header bytes of each access. A frame that ends inside a
 * header counts in {@link #bytes()} only, since no block was selected yet. While RSTn holds the
 * chip in reset frames count in the totals only.
 *
 * <p>Counting runs on the firmware thread under the chip's monitor and allocates nothing; the
 * readers take the same monitor so a {@link #snapshot()} is consistent.
 */
public final class SpiCounters {

    /** The kind of block a control byte's BSB selects (datasheet v1.1, §2.2.2). */
    public enum Block {
        COMMON, SOCKET_REGISTERS, TX_BUFFER, RX_BUFFER, RESERVED
    }

    static final int KINDS = 5;
    static final int COMMON = 0;
    static final int SOCKET_REGISTERS = 1;
    static final int TX_BUFFER = 2;
    static final int RX_BUFFER = 3;
    static final int RESERVED = 4;

    private final Object monitor;
    private long frames;
    private long bytes;
    private final long[] blockBytes = new long[KINDS];
    private final long[] blockHeaders = new long[KINDS];
    private final long[] socketBytes = new long[SpiFrameFormat.SOCKETS];

    SpiCounters(Object monitor) {
        this.monitor = monitor;
    }

    /** The block kind of BSB {@code block}: 0 common, then 4n+1, 4n+2, 4n+3, 4n+4 reserved. */
    static int kindOf(int block) {
        if (block == SpiFrameFormat.BSB_COMMON) {
            return COMMON;
        }
        switch (block & 3) {
            case 1:
                return SOCKET_REGISTERS;
            case 2:
                return TX_BUFFER;
            case 3:
                return RX_BUFFER;
            default:
                return RESERVED;
        }
    }

    // --- firmware thread, under the chip monitor ---

    /** SCSn fell. */
    void frame() {
        frames++;
    }

    /** One byte clocked while SCSn is low. */
    void clocked() {
        bytes++;
    }

    void header(int kind, int socket) {
        blockHeaders[kind]++;
        blockBytes[kind] += SpiFrameFormat.HEADER_BYTES;
        if (socket >= 0) {
            socketBytes[socket] += SpiFrameFormat.HEADER_BYTES;
        }
    }

    void data(int kind, int socket) {
        blockBytes[kind]++;
        if (socket >= 0) {
            socketBytes[socket]++;
        }
    }

    // --- readers ---

    /** The counts now, to diff with {@link SpiCounts#minus} around one operation. */
    public SpiCounts snapshot() {
        synchronized (monitor) {
            return new SpiCounts(frames, bytes, blockBytes.clone(), blockHeaders.clone(), socketBytes.clone());
        }
    }

    /** Sets every count back to zero. */
    public void reset() {
        synchronized (monitor) {
            frames = 0;
            bytes = 0;
            java.util.Arrays.fill(blockBytes, 0);
            java.util.Arrays.fill(blockHeaders, 0);
            java.util.Arrays.fill(socketBytes, 0);
        }
    }

    public long frames() {
        return snapshot().frames();
    }

    public long bytes() {
        return snapshot().bytes();
    }

    public long bytes(Block block) {
        return snapshot().bytes(block);
    }

    public long accesses(Block block) {
        return snapshot().accesses(block);
    }

    public long socketBytes(int socket) {
        return snapshot().socketBytes(socket);
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
