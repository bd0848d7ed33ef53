package org.skvmoip.server.input;

import org.skvmoip.protocol.HidKeyboard;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names a person writes for keys in a combo ("ctrl+alt+delete"), lower case. Letters, digits
 * and punctuation are not listed: a single character is the key that types it on a US keyboard
 * ({@link UsLayout}), Shift included for shifted symbols.
 */
final class KeyNames {

    /** Names of modifier keys, each one bit of the report's modifier byte. */
    static final Map<String, Integer> MODIFIERS = modifiers();
    /** Names of the other keys that have no single character of their own. */
    static final Map<String, Integer> KEYS = keys();

    static final String HELP = "modifiers ctrl, shift, alt, meta (win, super, cmd) and their l/r variants (lctrl, "
            + "rshift...); keys a-z, 0-9, f1-f24, enter, esc, backspace, tab, space, delete, insert, home, end, "
            + "pageup, pagedown, up, down, left, right, printscreen, pause, capslock, numlock, scrolllock, menu, "
            + "or one punctuation character";

    private KeyNames() {
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> modifiers() {
        Map<String, Integer> m = new HashMap<>();
        alias(m, HidKeyboard.MODIFIER_LEFT_CTRL, "ctrl", "control", "lctrl", "leftctrl", "lcontrol");
        alias(m, HidKeyboard.MODIFIER_LEFT_SHIFT, "shift", "lshift", "leftshift");
        alias(m, HidKeyboard.MODIFIER_LEFT_ALT, "alt", "lalt", "leftalt", "option");
        alias(m, HidKeyboard.MODIFIER_LEFT_GUI, "meta", "win", "super", "cmd", "gui", "lmeta", "lwin", "lsuper", "lcmd", "lgui");
        alias(m, HidKeyboard.MODIFIER_RIGHT_CTRL, "rctrl", "rightctrl", "rcontrol");
        alias(m, HidKeyboard.MODIFIER_RIGHT_SHIFT, "rshift", "rightshift");
        alias(m, HidKeyboard.MODIFIER_RIGHT_ALT, "ralt", "rightalt", "altgr");
        alias(m, HidKeyboard.MODIFIER_RIGHT_GUI, "rmeta", "rwin", "rsuper", "rcmd", "rgui");
        return Map.copyOf(m);
    }

    private static Map<String, Integer> keys() {
        Map<String, Integer> m = new HashMap<>();
        alias(m, HidKeyboard.ENTER, "enter", "return");
        alias(m, HidKeyboard.ESCAPE, "esc", "escape");
        alias(m, HidKeyboard.BACKSPACE, "backspace");
        alias(m, HidKeyboard.TAB, "tab");
        alias(m, HidKeyboard.SPACE, "space");
        alias(m, HidKeyboard.DELETE, "delete", "del");
        alias(m, HidKeyboard.INSERT, "insert", "ins");
        alias(m, HidKeyboard.HOME, "home");
        alias(m, HidKeyboard.END, "end");
        alias(m, HidKeyboard.PAGE_UP, "pageup", "pgup");
        alias(m, HidKeyboard.PAGE_DOWN, "pagedown", "pgdn");
        alias(m, HidKeyboard.UP_ARROW, "up");
        alias(m, HidKeyboard.DOWN_ARROW, "down");
        alias(m, HidKeyboard.LEFT_ARROW, "left");
        alias(m, HidKeyboard.RIGHT_ARROW, "right");
        alias(m, HidKeyboard.PRINT_SCREEN, "printscreen", "prtsc", "sysrq");
        alias(m, HidKeyboard.PAUSE, "pause", "break");
        alias(m, HidKeyboard.CAPS_LOCK, "capslock");
        alias(m, HidKeyboard.NUM_LOCK, "numlock");
        alias(m, HidKeyboard.SCROLL_LOCK, "scrolllock");
        alias(m, HidKeyboard.APPLICATION, "menu", "application");
        for (int n = 1; n <= 24; n++) {
            m.put("f" + n, HidKeyboard.functionKey(n));
        }
        return Map.copyOf(m);
    }

    private static void alias(Map<String, Integer> map, int value, String... names) {
        for (String name : names) {
            map.put(name, value);
        }
    }
}
