package org.skvmoip.client.api;

/** Bits of the input socket's {@code modifiers} and {@code buttons} fields (docs/api.md, Input socket). */
public final class HidBits {

    public static final int LEFT_CTRL = 1;
    public static final int LEFT_SHIFT = 1 << 1;
    public static final int LEFT_ALT = 1 << 2;
    public static final int LEFT_GUI = 1 << 3;
    public static final int RIGHT_CTRL = 1 << 4;
    public static final int RIGHT_SHIFT = 1 << 5;
    public static final int RIGHT_ALT = 1 << 6;
    public static final int RIGHT_GUI = 1 << 7;

    public static final int BUTTON_LEFT = 1;
    public static final int BUTTON_RIGHT = 1 << 1;
    public static final int BUTTON_MIDDLE = 1 << 2;
    public static final int BUTTON_BACK = 1 << 3;
    public static final int BUTTON_FORWARD = 1 << 4;

    private HidBits() {
    }
}
