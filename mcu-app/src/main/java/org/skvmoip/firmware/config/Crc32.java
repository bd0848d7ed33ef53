package org.skvmoip.firmware.config;

/**
 * CRC-32 as in IEEE 802.3 (and zlib, PNG): reflected polynomial 0xEDB88320, initial value and
 * final XOR 0xFFFFFFFF; check value of "123456789" is 0xCBF43926. It catches torn and
 * bit-flipped flash pages; it is no defence against someone who rewrites the page on purpose.
 */
public final class Crc32 {

    private static final int POLYNOMIAL_REFLECTED = 0xEDB88320;

    /** One entry per byte value: 1 KB of RAM, built once, for 8x fewer steps than bitwise. */
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLYNOMIAL_REFLECTED : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private Crc32() {
    }

    public static int compute(byte[] data, int off, int len) {
        int crc = 0xFFFFFFFF;
        for (int i = off; i < off + len; i++) {
            crc = TABLE[(crc ^ data[i]) & 0xFF] ^ (crc >>> 8);
        }
        return ~crc;
    }
}
