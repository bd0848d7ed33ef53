package org.skvmoip.protocol;

/**
 * Keyboard/Keypad page (0x07) usages, named and ordered as in HID Usage Tables 1.12 §10, and the
 * modifier bits of a keyboard report (HID 1.11 Appendix B.1: usage 0xE0 + n is bit n). KEYBOARD
 * messages carry these (§4.1 of docs/protocol.md); the server and the clients name keys with them.
 */
public final class HidKeyboard {

    public static final int A = 0x04;
    public static final int Z = 0x1D;
    /** Keyboard 1 and !; 2..9 follow; 0 and ) is 0x27. */
    public static final int DIGIT_1 = 0x1E;
    public static final int DIGIT_0 = 0x27;
    public static final int ENTER = 0x28;
    public static final int ESCAPE = 0x29;
    public static final int BACKSPACE = 0x2A;
    public static final int TAB = 0x2B;
    public static final int SPACE = 0x2C;
    public static final int MINUS = 0x2D;
    public static final int EQUALS = 0x2E;
    public static final int LEFT_BRACKET = 0x2F;
    public static final int RIGHT_BRACKET = 0x30;
    public static final int BACKSLASH = 0x31;
    /** Non-US # and ~: the key left of Enter on ISO keyboards (UK #~, German #'). */
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
    public static final int KEYPAD_DIVIDE = 0x54;
    public static final int KEYPAD_MULTIPLY = 0x55;
    public static final int KEYPAD_MINUS = 0x56;
    public static final int KEYPAD_PLUS = 0x57;
    public static final int KEYPAD_ENTER = 0x58;
    /** Keypad 1 and End; 2..9 follow; Keypad 0 and Insert is 0x62. */
    public static final int KEYPAD_1 = 0x59;
    public static final int KEYPAD_2 = 0x5A;
    public static final int KEYPAD_4 = 0x5C;
    public static final int KEYPAD_5 = 0x5D;
    public static final int KEYPAD_6 = 0x5E;
    public static final int KEYPAD_8 = 0x60;
    public static final int KEYPAD_0 = 0x62;
    public static final int KEYPAD_DECIMAL = 0x63;
    /** Non-US \ and |: the 102nd key of ISO keyboards, right of Left Shift (&lt;&gt; on most layouts). */
    public static final int NON_US_BACKSLASH = 0x64;
    /** The context-menu key. */
    public static final int APPLICATION = 0x65;
    /** F13..F24 are 0x68..0x73. */
    public static final int F13 = 0x68;
    public static final int HELP = 0x75;
    public static final int MENU = 0x76;
    public static final int STOP = 0x78;
    public static final int AGAIN = 0x79;
    public static final int UNDO = 0x7A;
    public static final int CUT = 0x7B;
    public static final int COPY = 0x7C;
    public static final int PASTE = 0x7D;
    public static final int FIND = 0x7E;
    public static final int MUTE = 0x7F;
    public static final int VOLUME_UP = 0x80;
    public static final int VOLUME_DOWN = 0x81;
    /** International4: Henkan (convert) on Japanese keyboards. */
    public static final int INTERNATIONAL_4 = 0x8A;
    /** International5: Muhenkan (no convert) on Japanese keyboards. */
    public static final int INTERNATIONAL_5 = 0x8B;
    /** LANG3: Katakana. */
    public static final int LANG_3 = 0x92;
    /** LANG4: Hiragana. */
    public static final int LANG_4 = 0x93;
    /** LANG5: Zenkaku/Hankaku (full/half width). */
    public static final int LANG_5 = 0x94;
    public static final int CANCEL = 0x9B;

    public static final int LEFT_CONTROL = 0xE0;
    public static final int LEFT_SHIFT = 0xE1;
    public static final int LEFT_ALT = 0xE2;
    public static final int LEFT_GUI = 0xE3;
    public static final int RIGHT_CONTROL = 0xE4;
    public static final int RIGHT_SHIFT = 0xE5;
    public static final int RIGHT_ALT = 0xE6;
    public static final int RIGHT_GUI = 0xE7;

    // Modifier bits of the report's first byte (and of KEYBOARD's modifiers field).
    public static final int MODIFIER_LEFT_CTRL = 0x01;
    public static final int MODIFIER_LEFT_SHIFT = 0x02;
    public static final int MODIFIER_LEFT_ALT = 0x04;
    public static final int MODIFIER_LEFT_GUI = 0x08;
    public static final int MODIFIER_RIGHT_CTRL = 0x10;
    public static final int MODIFIER_RIGHT_SHIFT = 0x20;
    public static final int MODIFIER_RIGHT_ALT = 0x40;
    public static final int MODIFIER_RIGHT_GUI = 0x80;

    /** The first usage that is a key (0x00..0x03 are "no event" and error codes). */
    public static final int FIRST_KEY = A;

    private HidKeyboard() {
    }

    /** Left Control .. Right GUI: these travel as bits of the modifier byte, not as keys. */
    public static boolean isModifier(int usage) {
        return usage >= LEFT_CONTROL && usage <= RIGHT_GUI;
    }

    /** The modifier byte's bit for a modifier usage; 0 for any other usage. */
    public static int modifierBit(int usage) {
        return isModifier(usage) ? 1 << (usage - LEFT_CONTROL) : 0;
    }

    /** The usage of function key F{@code n} for n in 1..24; 0 for any other n. */
    public static int functionKey(int n) {
        if (n < 1 || n > 24) {
            return 0;
        }
        return n <= 12 ? F1 + n - 1 : F13 + n - 13;
    }
}
