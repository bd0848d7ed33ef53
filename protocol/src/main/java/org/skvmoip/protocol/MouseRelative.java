package org.skvmoip.protocol;

/**
 * MOUSE_RELATIVE payload (docs/protocol.md §4.2). Motion is a signed 16-bit count; the firmware
 * clamps and splits it across 8-bit boot reports, never wraps it.
 *
 * <pre>
 * 0      buttons  bit0 left, bit1 right, bit2 middle, bit3 back, bit4 forward; bits 5-7 zero
 * 1..2   dx       int16, positive right
 * 3..4   dy       int16, positive down
 * 5      wheel    int8, positive away from the user
 * 6      hwheel   int8, positive right
 * </pre>
 */
public final class MouseRelative {

    public static final int BUTTONS = 0;
    public static final int DX = 1;
    public static final int DY = 3;
    public static final int WHEEL = 5;
    public static final int HWHEEL = 6;
    public static final int LENGTH = 7;

    public static final int BUTTON_LEFT = 0x01;
    public static final int BUTTON_RIGHT = 0x02;
    public static final int BUTTON_MIDDLE = 0x04;
    public static final int BUTTON_BACK = 0x08;
    public static final int BUTTON_FORWARD = 0x10;
    /** Every defined button bit. */
    public static final int BUTTONS_MASK = 0x1F;

    private MouseRelative() {
    }

    public static int buttons(byte[] b, int p) {
        return Bytes.u8(b, p + BUTTONS);
    }

    public static int dx(byte[] b, int p) {
        return Bytes.s16(b, p + DX);
    }

    public static int dy(byte[] b, int p) {
        return Bytes.s16(b, p + DY);
    }

    public static int wheel(byte[] b, int p) {
        return b[p + WHEEL];
    }

    public static int hwheel(byte[] b, int p) {
        return b[p + HWHEEL];
    }

    /** Writes the payload; returns {@link #LENGTH}, or {@link ProtocolError#BAD_FIELD} for a value out of range. */
    public static int write(byte[] dst, int p, int buttons, int dx, int dy, int wheel, int hwheel) {
        if ((buttons & ~BUTTONS_MASK) != 0 || dx < Short.MIN_VALUE || dx > Short.MAX_VALUE
                || dy < Short.MIN_VALUE || dy > Short.MAX_VALUE || !isInt8(wheel) || !isInt8(hwheel)) {
            return ProtocolError.BAD_FIELD;
        }
        dst[p + BUTTONS] = (byte) buttons;
        Bytes.put16(dst, p + DX, dx);
        Bytes.put16(dst, p + DY, dy);
        dst[p + WHEEL] = (byte) wheel;
        dst[p + HWHEEL] = (byte) hwheel;
        return LENGTH;
    }

    static int validateButtons(byte[] b, int p) {
        return (Bytes.u8(b, p + BUTTONS) & ~BUTTONS_MASK) != 0 ? ProtocolError.BAD_FIELD : 0;
    }

    static boolean isInt8(int value) {
        return value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
    }
}
