package org.skvmoip.server.input;

import org.skvmoip.protocol.HidKeyboard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keys pressed together, as a user writes them: "ctrl+alt+delete", "shift+F10", "meta+r".
 * Pressed in order, held together, released together.
 *
 * @param modifiers HID modifier bits ({@link HidKeyboard#LEFT_CTRL}...)
 * @param usages    the other keys, in the order they are pressed, at most {@link #MAX_KEYS}
 */
public record KeyCombo(int modifiers, byte[] usages) {

    /** A boot keyboard report holds 6 keys besides the modifiers; more is a rollover error on the target. */
    public static final int MAX_KEYS = 6;

    public KeyCombo {
        if ((modifiers & ~0xFF) != 0) {
            throw new IllegalArgumentException("modifiers are one byte of bits, not 0x" + Integer.toHexString(modifiers));
        }
        if (usages.length > MAX_KEYS) {
            throw new IllegalArgumentException(usages.length + " keys at once: a USB keyboard reports at most " + MAX_KEYS
                    + " besides the modifiers");
        }
        usages = usages.clone();
    }

    @Override
    public byte[] usages() {
        return usages.clone();
    }

    /**
     * Parses a combo: names joined by '+', any case, spaces around names ignored; "ctrl++" and
     * "ctrl+plus" are Ctrl with the + key. An unknown name is an IllegalArgumentException naming it.
     */
    public static KeyCombo parse(String text) {
        int modifiers = 0;
        List<Integer> keys = new ArrayList<>();
        for (String token : tokens(text)) {
            String name = KeyNames.normalize(token);
            Integer modifier = KeyNames.MODIFIERS.get(name);
            if (modifier != null) {
                modifiers |= modifier;
                continue;
            }
            KeyStroke key = key(name);
            if (key == null) {
                throw new IllegalArgumentException("unknown key '" + token + "' in '" + text + "'; known: " + KeyNames.HELP);
            }
            modifiers |= key.modifiers();
            if (!keys.contains(key.usage())) {
                keys.add(key.usage());
            }
        }
        if (keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("'" + text + "' presses " + keys.size()
                    + " keys at once; a USB keyboard reports at most " + MAX_KEYS + " besides the modifiers");
        }
        byte[] usages = new byte[keys.size()];
        for (int i = 0; i < usages.length; i++) {
            usages[i] = (byte) (int) keys.get(i);
        }
        return new KeyCombo(modifiers, usages);
    }

    private static KeyStroke key(String name) {
        Integer usage = KeyNames.KEYS.get(name);
        if (usage != null) {
            return new KeyStroke(0, usage);
        }
        if (name.equals("plus")) {
            return UsLayout.stroke('+');
        }
        if (name.length() == 1 && name.charAt(0) > ' ') {
            return UsLayout.stroke(name.charAt(0));
        }
        return null;
    }

    /** Splits on '+', where a '+' in the place of a name is the + key itself. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            if (i < n && text.charAt(i) == '+') {
                i++;
            } else {
                while (i < n && text.charAt(i) != '+') {
                    i++;
                }
            }
            String token = text.substring(start, i).trim();
            if (token.isEmpty()) {
                throw new IllegalArgumentException(tokens.isEmpty() ? "no key named in '" + text + "'"
                        : "'" + text + "' ends with '+': name a key after it (the + key itself: 'ctrl++' or 'ctrl+plus')");
            }
            tokens.add(token);
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                return tokens;
            }
            if (text.charAt(i) != '+') {
                throw new IllegalArgumentException("in '" + text + "', join key names with '+' (after '" + token + "')");
            }
            i++;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyCombo other && modifiers == other.modifiers && Arrays.equals(usages, other.usages);
    }

    @Override
    public int hashCode() {
        return 31 * modifiers + Arrays.hashCode(usages);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("KeyCombo[modifiers=0x").append(Integer.toHexString(modifiers)).append(", usages=");
        for (int i = 0; i < usages.length; i++) {
            s.append(i == 0 ? "" : " ").append(String.format("0x%02X", usages[i] & 0xFF));
        }
        return s.append(']').toString();
    }
}
