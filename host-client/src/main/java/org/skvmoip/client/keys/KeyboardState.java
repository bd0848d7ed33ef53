package org.skvmoip.client.keys;

import org.skvmoip.protocol.HidKeyboard;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys the user holds, as usages, turned into whole-state messages. Modifiers become bits;
 * other keys are kept in the order they went down. The input socket takes {@link #MAX_KEYS} keys
 * at once: keys pressed while that many are held are tracked (so their release is right) but
 * reach the target only when an earlier one is released. A key that goes down twice (auto-repeat)
 * changes nothing: the target repeats by itself, as with a real keyboard.
 *
 * <p>Not thread-safe: the JavaFX application thread owns it.
 */
public final class KeyboardState {

    /** Keys per message the input socket accepts (the module itself reports six, then rollover). */
    public static final int MAX_KEYS = 16;

    private final Set<Integer> keys = new LinkedHashSet<>();
    private int modifiers;

    /** @return whether the state changed (false for a repeat or a key that is not a key) */
    public boolean press(int usage) {
        if (HidKeyboard.isModifier(usage)) {
            int before = modifiers;
            modifiers |= HidKeyboard.modifierBit(usage);
            return modifiers != before;
        }
        return usage >= HidKeyboard.FIRST_KEY && usage < HidKeyboard.LEFT_CONTROL && keys.add(usage);
    }

    /** @return whether the state changed */
    public boolean release(int usage) {
        if (HidKeyboard.isModifier(usage)) {
            int before = modifiers;
            modifiers &= ~HidKeyboard.modifierBit(usage);
            return modifiers != before;
        }
        return keys.remove(usage);
    }

    /** Lets every key go; returns whether any was held. */
    public boolean releaseAll() {
        boolean any = modifiers != 0 || !keys.isEmpty();
        modifiers = 0;
        keys.clear();
        return any;
    }

    public boolean isHeld(int usage) {
        return HidKeyboard.isModifier(usage) ? (modifiers & HidKeyboard.modifierBit(usage)) != 0 : keys.contains(usage);
    }

    public boolean isEmpty() {
        return modifiers == 0 && keys.isEmpty();
    }

    /** The state as the input socket takes it. */
    public KeyboardMessage message() {
        int[] sent = keys.stream().limit(MAX_KEYS).mapToInt(Integer::intValue).toArray();
        return new KeyboardMessage(modifiers, sent);
    }
}
