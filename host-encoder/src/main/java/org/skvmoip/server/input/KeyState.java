package org.skvmoip.server.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keys held at one moment (the whole state a KEYBOARD message carries), and the sequences of
 * them that type text or press a combo.
 */
record KeyState(int modifiers, byte[] usages) {

    static final KeyState RELEASED = new KeyState(0, new byte[0]);

    /**
     * Typing: each stroke's key goes down and up with its modifiers held; the modifiers change
     * only between keys (Shift is pressed before the key and let go after it, as a person does),
     * and stay held across strokes that share them. Ends with everything up.
     */
    static List<KeyState> typing(List<KeyStroke> strokes) {
        List<KeyState> states = new ArrayList<>(strokes.size() * 2 + 2);
        int held = 0;
        for (KeyStroke stroke : strokes) {
            if (stroke.modifiers() != held) {
                held = stroke.modifiers();
                states.add(new KeyState(held, new byte[0]));
            }
            states.add(new KeyState(held, new byte[] {(byte) stroke.usage()}));
            states.add(new KeyState(held, new byte[0]));
        }
        if (held != 0) {
            states.add(RELEASED);
        }
        return states;
    }

    /** A combo: modifiers down first, then each key in order, then all released together. */
    static List<KeyState> combo(KeyCombo combo) {
        List<KeyState> states = new ArrayList<>();
        if (combo.modifiers() != 0) {
            states.add(new KeyState(combo.modifiers(), new byte[0]));
        }
        byte[] keys = combo.usages();
        for (int i = 1; i <= keys.length; i++) {
            states.add(new KeyState(combo.modifiers(), Arrays.copyOf(keys, i)));
        }
        states.add(RELEASED);
        return states;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyState other && modifiers == other.modifiers && Arrays.equals(usages, other.usages);
    }

    @Override
    public int hashCode() {
        return 31 * modifiers + Arrays.hashCode(usages);
    }

    @Override
    public String toString() {
        return String.format("%02X", modifiers) + Arrays.toString(usages);
    }
}
