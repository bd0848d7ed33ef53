package org.skvmoip.client.keys;

import java.util.Arrays;

/**
 * The whole keyboard state as the input socket takes it (docs/api.md, input socket): the modifier
 * byte and the usages of the other keys held, oldest press first.
 *
 * @param modifiers bit 0 Left Control .. bit 7 Right GUI
 * @param keys      at most {@link KeyboardState#MAX_KEYS} usages, none a modifier
 */
public record KeyboardMessage(int modifiers, int[] keys) {

    /** Nothing pressed. */
    public static final KeyboardMessage NONE = new KeyboardMessage(0, new int[0]);

    public KeyboardMessage {
        keys = keys.clone();
    }

    @Override
    public int[] keys() {
        return keys.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyboardMessage that && modifiers == that.modifiers && Arrays.equals(keys, that.keys);
    }

    @Override
    public int hashCode() {
        return 31 * modifiers + Arrays.hashCode(keys);
    }

    @Override
    public String toString() {
        return "keyboard(modifiers=0x" + Integer.toHexString(modifiers) + ", keys=" + Arrays.toString(keys) + ")";
    }
}
