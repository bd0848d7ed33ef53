package org.skvmoip.protocol;

/**
 * MOUSE_ABSOLUTE payload (docs/protocol.md §4.3): the pointer's place on the screen, 0 the
 * left/top edge and {@link #MAX_COORDINATE} the right/bottom edge, whatever the resolution.
 *
 * <pre>
 * 0      buttons  as MOUSE_RELATIVE
 * 1..2   x        uint16, 0..32767
 * 3..4   y        uint16, 0..32767
 * 5      wheel    int8
 * 6      hwheel   int8
 * </pre>
 */
public final class MouseAbsolute {

    public static final int BUTTONS = 0;
    public static final int X = 1;
    public static final int Y = 3;
    public static final int WHEEL = 5;
    public static final int HWHEEL = 6;
    public static final int LENGTH = 7;
    /** The logical maximum of the absolute pointer's X and Y (its HID report descriptor says the same). */
    public static final int MAX_COORDINATE = 32767;

    private MouseAbsolute() {
    }

    public static int buttons(byte[] b, int p) {
        return Bytes.u8(b, p + BUTTONS);
    }

    public static int x(byte[] b, int p) {
        return Bytes.u16(b, p + X);
    }

    public static int y(byte[] b, int p) {
        return Bytes.u16(b, p + Y);
    }

    public static int wheel(byte[] b, int p) {
        return b[p + WHEEL];
    }

    public static int hwheel(byte[] b, int p) {
        return b[p + HWHEEL];
    }

    /** Writes the payload; returns {@link #LENGTH}, or {@link ProtocolError#BAD_FIELD} for a value out of range. */
    public static int write(byte[] dst, int p, int buttons, int x, int y, int wheel, int hwheel) {
        if ((buttons & ~MouseRelative.BUTTONS_MASK) != 0 || x < 0 || x > MAX_COORDINATE || y < 0
                || y > MAX_COORDINATE || !MouseRelative.isInt8(wheel) || !MouseRelative.isInt8(hwheel)) {
            return ProtocolError.BAD_FIELD;
        }
        dst[p + BUTTONS] = (byte) buttons;
        Bytes.put16(dst, p + X, x);
        Bytes.put16(dst, p + Y, y);
        dst[p + WHEEL] = (byte) wheel;
        dst[p + HWHEEL] = (byte) hwheel;
        return LENGTH;
    }

    static int validate(byte[] b, int p) {
        if (MouseRelative.validateButtons(b, p) != 0 || x(b, p) > MAX_COORDINATE || y(b, p) > MAX_COORDINATE) {
            return ProtocolError.BAD_FIELD;
        }
        return 0;
    }
}
