package org.skvmoip.protocol;

/** Big-endian (network order) fields, and the comparisons the protocol's checks need. */
public final class Bytes {

    private Bytes() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    public static int s16(byte[] b, int off) {
        return (short) u16(b, off);
    }

    /** A 32-bit field as an int; {@code & 0xFFFFFFFFL} reads it unsigned. */
    public static int s32(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    public static void put16(byte[] b, int off, int value) {
        b[off] = (byte) (value >>> 8);
        b[off + 1] = (byte) value;
    }

    public static void put32(byte[] b, int off, int value) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    /**
     * Compares {@code len} bytes in time that does not depend on where they differ, so a peer
     * cannot learn a correct tag or proof byte by byte from response timing.
     */
    public static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int difference = 0;
        for (int i = 0; i < len; i++) {
            difference |= a[aOff + i] ^ b[bOff + i];
        }
        return difference == 0;
    }

    public static boolean isAllZero(byte[] b, int off, int len) {
        int bits = 0;
        for (int i = 0; i < len; i++) {
            bits |= b[off + i];
        }
        return bits == 0;
    }
}
