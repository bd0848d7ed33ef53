package org.skvmoip.firmware.hid;

/**
 * The keyboard's 8-byte input report (HID 1.11 Appendix B.1, Usage Tables page 0x07): byte 0 the
 * modifier bits (Left Control 0xE0 = bit 0 .. Right GUI 0xE7 = bit 7), byte 1 reserved (0),
 * bytes 2..7 up to six pressed key usages, unused slots 0. Boot and report protocol use this same
 * layout (the report descriptor describes exactly the boot report), so there is one encoder.
 */
public final class KeyboardReport {

    public static final int LENGTH = 8;
    public static final int MAX_KEYS = 6;
    public static final int KEYS_OFFSET = 2;

    /** Usage 0x01: "too many keys", sent in every key slot (Usage Tables §10, HID 1.11 §C). */
    public static final int ERROR_ROLL_OVER = 0x01;
    /** First usage that is a key (0x04 = a); 0x00..0x03 are reserved and error codes. */
    public static final int FIRST_KEY = 0x04;
    public static final int LEFT_CONTROL = 0xE0;
    public static final int RIGHT_GUI = 0xE7;

    /** What {@link #encode} returns when more than six keys are down. */
    public static final int ROLLOVER = -1;

    private KeyboardReport() {
    }

    /**
     * Writes the report for a keyboard state into {@code report8[0..8)}. Modifier usages (0xE0..
     * 0xE7) among {@code usages} set their modifier bit; usages below 0x04 or above 0xE7 and
     * repeated usages are ignored. More than six distinct keys give the rollover error report:
     * every key slot 0x01, modifiers kept, as HID 1.11 Appendix C asks.
     *
     * @param modifiers the modifier byte (bit 0 Left Control .. bit 7 Right GUI)
     * @return the number of keys in the report (0..6), or {@link #ROLLOVER}
     */
    public static int encode(int modifiers, byte[] usages, int off, int count, byte[] report8) {
        int mods = modifiers & 0xFF;
        int keys = 0;
        for (int i = 0; i < LENGTH; i++) {
            report8[i] = 0;
        }
        for (int i = off; i < off + count; i++) {
            int usage = usages[i] & 0xFF;
            if (usage >= LEFT_CONTROL && usage <= RIGHT_GUI) {
                mods |= 1 << (usage - LEFT_CONTROL);
            } else if (usage >= FIRST_KEY && usage < LEFT_CONTROL && !seenBefore(usages, off, i)) {
                if (keys < MAX_KEYS) {
                    report8[KEYS_OFFSET + keys] = (byte) usage;
                }
                keys++;
            }
        }
        report8[0] = (byte) mods;
        if (keys > MAX_KEYS) {
            for (int i = 0; i < MAX_KEYS; i++) {
                report8[KEYS_OFFSET + i] = ERROR_ROLL_OVER;
            }
            return ROLLOVER;
        }
        return keys;
    }

    private static boolean seenBefore(byte[] usages, int from, int index) {
        for (int j = from; j < index; j++) {
            if (usages[j] == usages[index]) {
                return true;
            }
        }
        return false;
    }
}
