package org.skvmoip.firmware.hid;

/**
 * The relative mouse's input report. Boot protocol (HID 1.11 Appendix B.2): 3 bytes, buttons
 * (bits 0..4 = buttons 1..5), X, Y as int8. Report protocol adds wheel and AC Pan (horizontal
 * wheel) as int8 after them, as {@link ReportDescriptors#MOUSE} declares. Each value in one
 * report is limited to -127..127; a larger move is split across reports by
 * {@link MouseMotionQueue}, never wrapped.
 */
public final class MouseReport {

    public static final int BOOT_LENGTH = 3;
    public static final int REPORT_LENGTH = 5;
    public static final int MAX_STEP = 127;
    public static final int BUTTONS_MASK = 0x1F;

    private MouseReport() {
    }

    /** The value one report can carry of {@code value}: clamped to -127..127. */
    public static int step(int value) {
        return value > MAX_STEP ? MAX_STEP : value < -MAX_STEP ? -MAX_STEP : value;
    }

    /**
     * How many reports a move needs when each carries at most 127 per axis: at least one (a
     * button change alone is one report).
     */
    public static int reportsNeeded(int dx, int dy, int wheel, int pan) {
        int most = Math.max(Math.max(magnitude(dx), magnitude(dy)), Math.max(magnitude(wheel), magnitude(pan)));
        return most == 0 ? 1 : (most + MAX_STEP - 1) / MAX_STEP;
    }

    /**
     * Writes one report, each value clamped with {@link #step}; in boot protocol wheel and pan
     * are left out. Returns the report's length.
     */
    public static int encode(int buttons, int dx, int dy, int wheel, int pan, boolean boot, byte[] out, int off) {
        out[off] = (byte) (buttons & BUTTONS_MASK);
        out[off + 1] = (byte) step(dx);
        out[off + 2] = (byte) step(dy);
        if (boot) {
            return BOOT_LENGTH;
        }
        out[off + 3] = (byte) step(wheel);
        out[off + 4] = (byte) step(pan);
        return REPORT_LENGTH;
    }

    /** |value| without the overflow of Math.abs(Integer.MIN_VALUE). */
    private static int magnitude(int value) {
        return value == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs(value);
    }
}
