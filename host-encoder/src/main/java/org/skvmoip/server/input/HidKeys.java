package org.skvmoip.server.input;

/**
 * Keyboard usages (HID Usage Tables 1.12, §10, Keyboard/Keypad page 0x07) and the modifier bits
 * of a keyboard report (HID 1.11, Appendix B.1), named as in those tables.
 */
public final class HidKeys {

    // Modifier bits (byte 0 of the report): modifiers travel as bits, never as usages 0xE0-0xE7.
    public static final int LEFT_CTRL = 0x01;
    public static final int LEFT_SHIFT = 0x02;
    public static final int LEFT_ALT = 0x04;
    public static final int LEFT_GUI = 0x08;
    public static final int RIGHT_CTRL = 0x10;
    public static final int RIGHT_SHIFT = 0x20;
    public static final int RIGHT_ALT = 0x40;
    public static final int RIGHT_GUI = 0x80;

    // Usages, in the table's order.
    public static final int A = 0x04;
    public static final int Z = 0x1D;
    /** Keyboard 1 and !; 2..9 follow, then 0 (0x27). */
    public static final int DIGIT_1 = 0x1E;
    public static final int DIGIT_0 = 0x27;
    public static final int ENTER = 0x28;
    public static final int ESCAPE = 0x29;
    public static final int BACKSPACE = 0x2A;
    public static final int TAB = 0x2B;
    public static final int SPACE = 0x2C;
    /** Keyboard - and _; the punctuation keys run to 0x38 (/ and ?). */
    public static final int MINUS = 0x2D;
    public static final int EQUALS = 0x2E;
    public static final int LEFT_BRACKET = 0x2F;
    public static final int RIGHT_BRACKET = 0x30;
    public static final int BACKSLASH = 0x31;
    /** Non-US # and ~, a key US keyboards do not have. */
    public static final int NON_US_HASH = 0x32;
    public static final int SEMICOLON = 0x33;
    public static final int APOSTROPHE = 0x34;
    public static final int GRAVE = 0x35;
    public static final int COMMA = 0x36;
    public static final int PERIOD = 0x37;
    public static final int SLASH = 0x38;
    public static final int CAPS_LOCK = 0x39;
    /** F1..F12 are 0x3A..0x45. */
    public static final int F1 = 0x3A;
    public static final int PRINT_SCREEN = 0x46;
    public static final int SCROLL_LOCK = 0x47;
    public static final int PAUSE = 0x48;
    public static final int INSERT = 0x49;
    public static final int HOME = 0x4A;
    public static final int PAGE_UP = 0x4B;
    public static final int DELETE = 0x4C;
    public static final int END = 0x4D;
    public static final int PAGE_DOWN = 0x4E;
    public static final int RIGHT_ARROW = 0x4F;
    public static final int LEFT_ARROW = 0x50;
    public static final int DOWN_ARROW = 0x51;
    public static final int UP_ARROW = 0x52;
    public static final int NUM_LOCK = 0x53;
    /** The context-menu key ("Application"). */
    public static final int APPLICATION = 0x65;
    /** F13..F24 are 0x68..0x73. */
    public static final int F13 = 0x68;

    private HidKeys() {
    }

    /** The usage of function key F{@code n}, 1..24. */
    public static int function(int n) {
        if (n < 1 || n > 24) {
            throw new IllegalArgumentException("function keys are F1..F24, not F" + n);
        }
        return n <= 12 ? F1 + n - 1 : F13 + n - 13;
    }
}
