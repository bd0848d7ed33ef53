package org.skvmoip.sim.machine;

/** HID Keyboard/Keypad page usages (HID Usage Tables 1.12, section 10) the target acts on. */
final class Usages {

    static final int A = 0x04;
    static final int Z = 0x1D;
    static final int ENTER = 0x28;
    static final int BACKSPACE = 0x2A;
    static final int CAPS_LOCK = 0x39;
    static final int SCROLL_LOCK = 0x47;
    static final int HOME = 0x4A;
    static final int END = 0x4D;
    static final int RIGHT_ARROW = 0x4F;
    static final int LEFT_ARROW = 0x50;
    static final int NUM_LOCK = 0x53;
    static final int KEYPAD_ENTER = 0x58;
    static final int KEYPAD_1_END = 0x59;
    static final int KEYPAD_4_LEFT = 0x5C;
    static final int KEYPAD_6_RIGHT = 0x5E;
    static final int KEYPAD_7_HOME = 0x5F;
    static final int KEYPAD_DOT_DELETE = 0x63;
    static final int LEFT_SHIFT = 0xE1;
    static final int RIGHT_SHIFT = 0xE5;

    private Usages() {
    }
}
