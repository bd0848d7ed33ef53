package org.skvmoip.client.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key combinations the toolbar offers, as the server's combo names (POST .../keys): the ones
 * the client's own OS would act on itself (Ctrl+Alt+Del, Alt+Tab, the Windows key...), the ones
 * JavaFX cannot tell apart on this keyboard (right-hand modifiers), and console switching.
 */
final class KeyCombos {

    /** Menu label to combo. */
    static final Map<String, String> ALL = combos();

    private KeyCombos() {
    }

    private static Map<String, String> combos() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Ctrl+Alt+Del", "ctrl+alt+delete");
        m.put("Ctrl+Alt+Backspace", "ctrl+alt+backspace");
        m.put("Ctrl+Shift+Esc", "ctrl+shift+esc");
        m.put("Alt+Tab", "alt+tab");
        m.put("Alt+F4", "alt+f4");
        m.put("Windows", "meta");
        m.put("Windows+L (lock)", "meta+l");
        m.put("Windows+R (run)", "meta+r");
        m.put("Ctrl+Esc", "ctrl+esc");
        m.put("Print Screen", "printscreen");
        m.put("Alt+Print Screen", "alt+printscreen");
        m.put("Right Ctrl", "rctrl");
        m.put("Right Shift", "rshift");
        m.put("Right Windows", "rmeta");
        for (int f = 1; f <= 7; f++) {
            m.put("Ctrl+Alt+F" + f, "ctrl+alt+f" + f);
        }
        for (int f = 11; f <= 12; f++) {
            m.put("F" + f, "f" + f);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
