package org.skvmoip.sim.machine;

/**
 * The OS's mouse pointer in screen pixels. Absolute input (0..32767 on each axis, the HID
 * logical range of the module's absolute pointer) maps onto the whole screen; relative input
 * moves it; both are clamped to the screen.
 */
public final class Pointer {

    public static final int ABSOLUTE_MAX = 32767;

    private int x = ScreenLayout.WIDTH / 2;
    private int y = ScreenLayout.HEIGHT / 2;
    private int buttons;
    private long wheel;
    private long pan;
    private long version;

    void moveBy(int dx, int dy, int newButtons, int wheelSteps, int panSteps) {
        moveTo(x + dx, y + dy, newButtons, wheelSteps, panSteps);
    }

    void moveToAbsolute(int absX, int absY, int newButtons, int wheelSteps, int panSteps) {
        int clampedX = Math.max(0, Math.min(ABSOLUTE_MAX, absX));
        int clampedY = Math.max(0, Math.min(ABSOLUTE_MAX, absY));
        moveTo((int) ((long) clampedX * (ScreenLayout.WIDTH - 1) / ABSOLUTE_MAX),
                (int) ((long) clampedY * (ScreenLayout.HEIGHT - 1) / ABSOLUTE_MAX),
                newButtons, wheelSteps, panSteps);
    }

    private void moveTo(int newX, int newY, int newButtons, int wheelSteps, int panSteps) {
        int clampedX = Math.max(0, Math.min(ScreenLayout.WIDTH - 1, newX));
        int clampedY = Math.max(0, Math.min(ScreenLayout.HEIGHT - 1, newY));
        if (clampedX != x || clampedY != y) {
            version++;
        }
        x = clampedX;
        y = clampedY;
        buttons = newButtons;
        wheel += wheelSteps;
        pan += panSteps;
    }

    void center() {
        moveTo(ScreenLayout.WIDTH / 2, ScreenLayout.HEIGHT / 2, 0, 0, 0);
    }

    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    /** The buttons held in the last report (bit 0 left, 1 right, 2 middle). */
    public int buttons() {
        return buttons;
    }

    /** Wheel steps received so far (positive = away from the user). */
    public long wheelTotal() {
        return wheel;
    }

    /** Horizontal wheel (AC Pan) steps received so far. */
    public long panTotal() {
        return pan;
    }

    long version() {
        return version;
    }
}
