package org.skvmoip.server.input;

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
        alias(m, HidKeys.LEFT_CTRL, "ctrl", "control", "lctrl", "leftctrl", "lcontrol");
        alias(m, HidKeys.LEFT_SHIFT, "shift", "lshift", "leftshift");
        alias(m, HidKeys.LEFT_ALT, "alt", "lalt", "leftalt", "option");
        alias(m, HidKeys.LEFT_GUI, "meta", "win", "super", "cmd", "gui", "lmeta", "lwin", "lsuper", "lcmd", "lgui");
        alias(m, HidKeys.RIGHT_CTRL, "rctrl", "rightctrl", "rcontrol");
        alias(m, HidKeys.RIGHT_SHIFT, "rshift", "rightshift");
        alias(m, HidKeys.RIGHT_ALT, "ralt", "rightalt", "altgr");
        alias(m, HidKeys.RIGHT_GUI, "rmeta", "rwin", "rsuper", "rcmd", "rgui");
        return Map.copyOf(m);
    }

    private static Map<String, Integer> keys() {
        Map<String, Integer> m = new HashMap<>();
        alias(m, HidKeys.ENTER, "enter", "return");
        alias(m, HidKeys.ESCAPE, "esc", "escape");
        alias(m, HidKeys.BACKSPACE, "backspace");
        alias(m, HidKeys.TAB, "tab");
        alias(m, HidKeys.SPACE, "space");
        alias(m, HidKeys.DELETE, "delete", "del");
        alias(m, HidKeys.INSERT, "insert", "ins");
        alias(m, HidKeys.HOME, "home");
        alias(m, HidKeys.END, "end");
        alias(m, HidKeys.PAGE_UP, "pageup", "pgup");
        alias(m, HidKeys.PAGE_DOWN, "pagedown", "pgdn");
        alias(m, HidKeys.UP_ARROW, "up");
        alias(m, HidKeys.DOWN_ARROW, "down");
        alias(m, HidKeys.LEFT_ARROW, "left");
        alias(m, HidKeys.RIGHT_ARROW, "right");
        alias(m, HidKeys.PRINT_SCREEN, "printscreen", "prtsc", "sysrq");
        alias(m, HidKeys.PAUSE, "pause", "break");
        alias(m, HidKeys.CAPS_LOCK, "capslock");
        alias(m, HidKeys.NUM_LOCK, "numlock");
        alias(m, HidKeys.SCROLL_LOCK, "scrolllock");
        alias(m, HidKeys.APPLICATION, "menu", "application");
        for (int n = 1; n <= 24; n++) {
            m.put("f" + n, HidKeys.function(n));
        }
        return Map.copyOf(m);
    }

    private static void alias(Map<String, Integer> map, int value, String... names) {
        for (String name : names) {
            map.put(name, value);
        }
    }
}
