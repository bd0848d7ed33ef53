package org.skvmoip.firmware.config;

import org.skvmoip.hal.Crypto;
import org.skvmoip.protocol.Bytes;

/**
 * One entry of the random generator's seed log ({@link ConfigStorage}): the seed a boot left for
 * the next, appended behind the settings page in the same flash slot, one record per boot.
 *
 * <pre>
 *  offset  size  field
 *   0      32    seed
 *  32       4    CRC-32 (IEEE 802.3) of bytes 0-31, big-endian
 * </pre>
 *
 * Records are programmed into erased (0xFF) flash, never rewritten: a power cut while one is
 * programmed leaves a record whose CRC does not match, which the next boot skips, going back to
 * the one before (whose successor was never used: the generator serves nothing until its new
 * seed is stored).
 */
public final class SeedRecord {

    /** Bytes per record; a multiple of 4, so records stay word-aligned for 32-bit programming. */
    public static final int BYTES = Crypto.SEED_LENGTH + 4;
    /** Where the log starts in a slot: past the page, with room for the page to grow. */
    public static final int LOG_OFFSET = 128;

    private SeedRecord() {
    }

    static void encode(byte[] seed, int seedOff, byte[] record) {
        System.arraycopy(seed, seedOff, record, 0, Crypto.SEED_LENGTH);
        Bytes.put32(record, Crypto.SEED_LENGTH, Crc32.compute(record, 0, Crypto.SEED_LENGTH));
    }

    /** Whether {@code record} is whole: its CRC matches (a blank or torn record's does not). */
    static boolean valid(byte[] record) {
        return Bytes.s32(record, Crypto.SEED_LENGTH) == Crc32.compute(record, 0, Crypto.SEED_LENGTH);
    }

    /** Whether every byte is 0xFF: erased, so the next record may be programmed here. */
    static boolean blank(byte[] record) {
        for (int i = 0; i < BYTES; i++) {
            if (record[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
