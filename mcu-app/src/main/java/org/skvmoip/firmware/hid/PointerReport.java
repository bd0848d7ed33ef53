package org.skvmoip.firmware.hid;

/**
 * The absolute pointer's 7-byte input report, as {@link ReportDescriptors#POINTER} declares:
 * buttons (bits 0..4), X and Y as unsigned 16-bit little-endian in 0..32767 (the host scales
 * them to the screen), wheel and AC Pan as int8. There is no boot layout: the interface is not
 * a boot device, so a BIOS ignores it.
 */
public final class PointerReport {

    public static final int LENGTH = 7;
    public static final int MAX_COORDINATE = 32767;

    private PointerReport() {
    }

    /** Writes one report, x and y clamped to 0..32767, wheel and pan to -127..127. Returns its length. */
    public static int encode(int buttons, int x, int y, int wheel, int pan, byte[] out, int off) {
        int cx = clampCoordinate(x);
        int cy = clampCoordinate(y);
        out[off] = (byte) (buttons & MouseReport.BUTTONS_MASK);
        out[off + 1] = (byte) cx;
        out[off + 2] = (byte) (cx >>> 8);
        out[off + 3] = (byte) cy;
        out[off + 4] = (byte) (cy >>> 8);
        out[off + 5] = (byte) MouseReport.step(wheel);
        out[off + 6] = (byte) MouseReport.step(pan);
        return LENGTH;
    }

    public static int clampCoordinate(int value) {
        return value < 0 ? 0 : value > MAX_COORDINATE ? MAX_COORDINATE : value;
    }
}
