package org.skvmoip.server.input;

import org.skvmoip.protocol.HidKeyboard;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keyboard layouts text can be typed in, by name (the layout the target's OS is set to).
 *
 * <p>To add one: write a {@link KeyboardLayout} whose table gives, for each character, the key
 * (HID usage, {@link HidKeyboard}) and modifiers that type it under that OS layout — for a German
 * target, 'z' is the key at usage 0x1C and '@' is Right Alt + Q — with a golden table test over
 * every character it claims, as UsLayoutTest does; then add it to {@link #LAYOUTS} under the name
 * users will write (lower case).
 */
public final class KeyboardLayouts {

    private static final Map<String, KeyboardLayout> LAYOUTS = Map.of(UsLayout.INSTANCE.name(), UsLayout.INSTANCE);

    private KeyboardLayouts() {
    }

    /** The layout named {@code name} (any case); an unknown name is an IllegalArgumentException listing the known ones. */
    public static KeyboardLayout forName(String name) {
        KeyboardLayout layout = LAYOUTS.get(name.toLowerCase(Locale.ROOT));
        if (layout == null) {
            throw new IllegalArgumentException("no keyboard layout named '" + name + "'; known layouts: "
                    + String.join(", ", names()));
        }
        return layout;
    }

    public static Set<String> names() {
        return new TreeSet<>(LAYOUTS.keySet());
    }
}
