package org.skvmoip.sim.w5500;

/** An immutable copy of {@link SpiCounters} at one moment; two of them diff with {@link #minus}. */
public final class SpiCounts {

    private final long frames;
    private final long bytes;
    private final long[] blockBytes;
    private final long[] blockHeaders;
    private final long[] socketBytes;

    SpiCounts(long frames, long bytes, long[] blockBytes, long[] blockHeaders, long[] socketBytes) {
        this.frames = frames;
        this.bytes = bytes;
        this.blockBytes = blockBytes;
        this.blockHeaders = blockHeaders;
        this.socketBytes = socketBytes;
    }

    /** SPI frames, SCSn falling to rising: one per {@code transfer} call or per {@code chipSelect(true)} ... {@code chipSelect(false)}. */
    public long frames() {
        return frames;
    }

    /** Every byte clocked, headers included. */
    public long bytes() {
        return bytes;
    }

    /** Bytes addressed to one kind of block, its headers included. */
    public long bytes(SpiCounters.Block block) {
        return blockBytes[block.ordinal()];
    }

    /**
     * Address+control headers that selected one kind of block: one per frame in variable-length
     * mode, one per 1/2/4-byte access in fixed-length mode.
     */
    public long accesses(SpiCounters.Block block) {
        return blockHeaders[block.ordinal()];
    }

    /** Bytes addressed to socket {@code socket}'s registers, TX and RX buffers, headers included. */
    public long socketBytes(int socket) {
        if (socket < 0 || socket >= SpiFrameFormat.SOCKETS) {
            throw new IllegalArgumentException("socket " + socket + " is not 0.." + (SpiFrameFormat.SOCKETS - 1));
        }
        return socketBytes[socket];
    }

    /** What was counted between {@code earlier} and this snapshot. */
    public SpiCounts minus(SpiCounts earlier) {
        return new SpiCounts(frames - earlier.frames, bytes - earlier.bytes,
                diff(blockBytes, earlier.blockBytes), diff(blockHeaders, earlier.blockHeaders),
                diff(socketBytes, earlier.socketBytes));
    }

    private static long[] diff(long[] later, long[] earlier) {
        long[] result = new long[later.length];
        for (int i = 0; i < later.length; i++) {
            result[i] = later[i] - earlier[i];
        }
        return result;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(frames).append(" frames, ").append(bytes).append(" bytes (");
        SpiCounters.Block[] blocks = SpiCounters.Block.values();
        for (int i = 0; i < blocks.length; i++) {
            s.append(i == 0 ? "" : ", ").append(blocks[i]).append(' ').append(blockBytes[i]);
        }
        return s.append(')').toString();
    }
}
