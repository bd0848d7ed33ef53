package org.skvmoip.sim.machine;

/**
 * The target OS's keymap: US layout, HID usage to the character it types (HID Usage Tables
 * 1.12, section 10). Keypad keys type only with Num Lock on; without it they navigate.
 */
public final class KeyMap {

    /** No character for this usage. */
    public static final char NONE = 0;

    private static final String DIGITS = "1234567890";
    private static final String DIGITS_SHIFTED = "!@#$%^&*()";
    /** Usages 0x2C..0x38: space, then - = [ ] \ non-US-# ; ' ` , . / */
    private static final String PUNCTUATION = " -=[]\\#;'`,./";
    private static final String PUNCTUATION_SHIFTED = " _+{}|~:\"~<>?";
    /** Usages 0x54..0x63 with Num Lock on: / * - + Enter(none) 1..9 0 . */
    private static final String KEYPAD = "/*-+\0" + "1234567890.";

    private KeyMap() {
    }

    /**
     * The character typed by {@code usage}, or {@link #NONE}.
     *
     * @param shift either Shift key held
     * @param capsLock Caps Lock on: inverts Shift for letters only
     * @param numLock Num Lock on: keypad digits rather than navigation
     */
    public static char character(int usage, boolean shift, boolean capsLock, boolean numLock) {
        if (usage >= Usages.A && usage <= Usages.Z) {
            char lower = (char) ('a' + usage - Usages.A);
            return shift != capsLock ? Character.toUpperCase(lower) : lower;
        }
        if (usage >= 0x1E && usage <= 0x27) {
            return (shift ? DIGITS_SHIFTED : DIGITS).charAt(usage - 0x1E);
        }
        if (usage >= 0x2C && usage <= 0x38) {
            return (shift ? PUNCTUATION_SHIFTED : PUNCTUATION).charAt(usage - 0x2C);
        }
        if (usage >= 0x54 && usage <= 0x57) {
            return KEYPAD.charAt(usage - 0x54);
        }
        if (usage >= Usages.KEYPAD_1_END && usage <= Usages.KEYPAD_DOT_DELETE && numLock) {
            return KEYPAD.charAt(usage - 0x54);
        }
        return NONE;
    }
}
