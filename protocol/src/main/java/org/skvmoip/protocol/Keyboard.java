package org.skvmoip.protocol;

/**
 * KEYBOARD payload (docs/protocol.md §4.1): the whole key state, never an edge, so a lost or
 * repeated frame cannot leave a key held. Usages are HID Usage Tables 1.12 §10 (page 0x07);
 * modifiers use the boot report's modifier bits (HID 1.11 Appendix B.1), not usages 0xE0-0xE7.
 *
 * <pre>
 * 0      modifiers  bit0 LeftCtrl .. bit3 LeftGUI, bit4 RightCtrl .. bit7 RightGUI
 * 1      count      0..16
 * 2..    usages     count bytes, each 0x04..0xDF
 * </pre>
 */
public final class Keyboard {

    public static final int MODIFIERS = 0;
    public static final int COUNT = 1;
    public static final int USAGES = 2;
    /** More keys than a boot report holds (6), so the firmware can send the rollover error itself. */
    public static final int MAX_USAGES = 16;
    /** The first keyboard usage that is a key (0x00-0x03 are "no event" and error codes). */
    public static final int FIRST_KEY_USAGE = 0x04;
    /** The last usage below the modifiers (0xE0-0xE7), which travel as modifier bits. */
    public static final int LAST_KEY_USAGE = 0xDF;

    private Keyboard() {
    }

    public static int modifiers(byte[] b, int payloadOff) {
        return Bytes.u8(b, payloadOff + MODIFIERS);
    }

    public static int count(byte[] b, int payloadOff) {
        return Bytes.u8(b, payloadOff + COUNT);
    }

    /** The {@code index}th pressed usage, {@code 0 <= index < count}. */
    public static int usage(byte[] b, int payloadOff, int index) {
        return Bytes.u8(b, payloadOff + USAGES + index);
    }

    /** Writes the payload; returns its length, or {@link ProtocolError#BAD_FIELD}. */
    public static int write(byte[] dst, int payloadOff, int modifiers, byte[] usages, int usagesOff, int count) {
        if (count < 0 || count > MAX_USAGES || (modifiers & ~0xFF) != 0) {
            return ProtocolError.BAD_FIELD;
        }
        for (int i = 0; i < count; i++) {
            if (!isKeyUsage(usages[usagesOff + i] & 0xFF)) {
                return ProtocolError.BAD_FIELD;
            }
        }
        dst[payloadOff + MODIFIERS] = (byte) modifiers;
        dst[payloadOff + COUNT] = (byte) count;
        System.arraycopy(usages, usagesOff, dst, payloadOff + USAGES, count);
        return USAGES + count;
    }

    static int validate(byte[] b, int payloadOff, int payloadLen) {
        int count = count(b, payloadOff);
        if (count > MAX_USAGES) {
            return ProtocolError.BAD_FIELD;
        }
        if (payloadLen != USAGES + count) {
            return payloadLen < USAGES + count ? ProtocolError.TOO_SHORT_FOR_TYPE : ProtocolError.TOO_LONG_FOR_TYPE;
        }
        for (int i = 0; i < count; i++) {
            if (!isKeyUsage(usage(b, payloadOff, i))) {
                return ProtocolError.BAD_FIELD;
            }
        }
        return 0;
    }

    private static boolean isKeyUsage(int usage) {
        return usage >= FIRST_KEY_USAGE && usage <= LAST_KEY_USAGE;
    }
}
