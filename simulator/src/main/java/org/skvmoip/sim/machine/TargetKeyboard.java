package org.skvmoip.sim.machine;

/**
 * The target OS's keyboard handling: Shift state, the three lock toggles (and so the keyboard
 * LEDs), and what each key does to the console. No typematic repeat: a held key types once.
 */
final class TargetKeyboard {

    private final Console console;
    private boolean leftShift;
    private boolean rightShift;
    private int leds;

    TargetKeyboard(Console console) {
        this.console = console;
    }

    /** A key went down; {@code typing} is false when the OS is not up (only Shift is tracked then). */
    void keyDown(int usage, boolean typing) {
        if (trackShift(usage, true) || !typing) {
            return;
        }
        switch (usage) {
            case Usages.CAPS_LOCK:
                leds ^= KeyboardLeds.CAPS_LOCK;
                return;
            case Usages.NUM_LOCK:
                leds ^= KeyboardLeds.NUM_LOCK;
                return;
            case Usages.SCROLL_LOCK:
                leds ^= KeyboardLeds.SCROLL_LOCK;
                return;
            case Usages.ENTER:
            case Usages.KEYPAD_ENTER:
                console.enter();
                return;
            case Usages.BACKSPACE:
                console.backspace();
                return;
            case Usages.LEFT_ARROW:
                console.cursorLeft();
                return;
            case Usages.RIGHT_ARROW:
                console.cursorRight();
                return;
            case Usages.HOME:
                console.cursorHome();
                return;
            case Usages.END:
                console.cursorEnd();
                return;
            default:
                break;
        }
        boolean numLock = (leds & KeyboardLeds.NUM_LOCK) != 0;
        char c = KeyMap.character(usage, leftShift || rightShift, (leds & KeyboardLeds.CAPS_LOCK) != 0, numLock);
        if (c != KeyMap.NONE) {
            console.type(c);
        } else if (!numLock) {
            keypadNavigation(usage);
        }
    }

    void keyUp(int usage) {
        trackShift(usage, false);
    }

    private boolean trackShift(int usage, boolean down) {
        if (usage == Usages.LEFT_SHIFT) {
            leftShift = down;
            return true;
        }
        if (usage == Usages.RIGHT_SHIFT) {
            rightShift = down;
            return true;
        }
        return false;
    }

    /** With Num Lock off the keypad's 4, 6, 7 and 1 are Left, Right, Home and End. */
    private void keypadNavigation(int usage) {
        switch (usage) {
            case Usages.KEYPAD_4_LEFT:
                console.cursorLeft();
                break;
            case Usages.KEYPAD_6_RIGHT:
                console.cursorRight();
                break;
            case Usages.KEYPAD_7_HOME:
                console.cursorHome();
                break;
            case Usages.KEYPAD_1_END:
                console.cursorEnd();
                break;
            default:
                break;
        }
    }

    /** Power off or reboot: the OS's keyboard state starts over, LEDs dark. */
    void reset() {
        leds = 0;
    }

    int leds() {
        return leds;
    }
}
