package org.skvmoip.client.keys;

import static org.skvmoip.protocol.HidKeyboard.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

import javafx.scene.input.KeyCode;

/**
 * JavaFX key codes to Keyboard/Keypad usages, by the key's position on a US keyboard.
 *
 * <p>JavaFX gives no scan code and no key location, only a {@link KeyCode}; on Linux (GTK) that
 * code is the unshifted symbol of the key in the client's active layout. With a US layout on the
 * client every key therefore comes back to its physical position; with another layout the letter
 * and punctuation keys follow that layout's labels. Keys JavaFX does not tell apart share a usage:
 * Right Control, Right Shift and Right GUI arrive as the left ones, Keypad Enter as Enter, and the
 * keypad's navigation keys (Num Lock off) as the navigation cluster. docs/client.md lists these.
 *
 * <p>Consumer-page keys (play, next track...) have no keyboard usage and the module's HID is a
 * keyboard page device only, so they are not mapped; mute and volume do have keyboard usages
 * (0x7F..0x81) and are.
 */
public final class KeyCodeUsages {

    private static final Map<KeyCode, Integer> USAGES = Collections.unmodifiableMap(table());

    private KeyCodeUsages() {
    }

    /** The usage of {@code code}'s key, or empty when the key has none (it is then not sent). */
    public static OptionalInt usage(KeyCode code) {
        Integer usage = code == null ? null : USAGES.get(code);
        return usage == null ? OptionalInt.empty() : OptionalInt.of(usage);
    }

    /** Every mapped key code and its usage. */
    public static Map<KeyCode, Integer> all() {
        return USAGES;
    }

    private static Map<KeyCode, Integer> table() {
        Map<KeyCode, Integer> m = new EnumMap<>(KeyCode.class);
        for (char c = 'A'; c <= 'Z'; c++) {
            m.put(KeyCode.valueOf(String.valueOf(c)), A + (c - 'A'));
        }
        m.put(KeyCode.DIGIT0, DIGIT_0);
        for (int d = 1; d <= 9; d++) {
            m.put(KeyCode.valueOf("DIGIT" + d), DIGIT_1 + d - 1);
        }
        for (int f = 1; f <= 24; f++) {
            m.put(KeyCode.valueOf("F" + f), f <= 12 ? F1 + f - 1 : F13 + f - 13);
        }
        m.put(KeyCode.ENTER, ENTER);
        m.put(KeyCode.ESCAPE, ESCAPE);
        m.put(KeyCode.BACK_SPACE, BACKSPACE);
        m.put(KeyCode.TAB, TAB);
        m.put(KeyCode.SPACE, SPACE);
        punctuation(m);
        m.put(KeyCode.CAPS, CAPS_LOCK);
        m.put(KeyCode.PRINTSCREEN, PRINT_SCREEN);
        m.put(KeyCode.SCROLL_LOCK, SCROLL_LOCK);
        m.put(KeyCode.PAUSE, PAUSE);
        navigation(m);
        keypad(m);
        modifiers(m);
        m.put(KeyCode.CONTEXT_MENU, APPLICATION);
        editingAndMedia(m);
        japanese(m);
        return m;
    }

    /** By US position; plus the two ISO keys as most European layouts label them. */
    private static void punctuation(Map<KeyCode, Integer> m) {
        m.put(KeyCode.MINUS, MINUS);
        m.put(KeyCode.EQUALS, EQUALS);
        m.put(KeyCode.OPEN_BRACKET, LEFT_BRACKET);
        m.put(KeyCode.CLOSE_BRACKET, RIGHT_BRACKET);
        m.put(KeyCode.BACK_SLASH, BACKSLASH);
        m.put(KeyCode.SEMICOLON, SEMICOLON);
        m.put(KeyCode.QUOTE, APOSTROPHE);
        m.put(KeyCode.BACK_QUOTE, GRAVE);
        m.put(KeyCode.COMMA, COMMA);
        m.put(KeyCode.PERIOD, PERIOD);
        m.put(KeyCode.SLASH, SLASH);
        // The 102nd key types < on US (ISO hardware), German, French, Spanish, Italian, Nordic...
        m.put(KeyCode.LESS, NON_US_BACKSLASH);
        // The key left of Enter types # on UK and German layouts.
        m.put(KeyCode.NUMBER_SIGN, NON_US_HASH);
    }

    private static void navigation(Map<KeyCode, Integer> m) {
        m.put(KeyCode.INSERT, INSERT);
        m.put(KeyCode.HOME, HOME);
        m.put(KeyCode.PAGE_UP, PAGE_UP);
        m.put(KeyCode.DELETE, DELETE);
        m.put(KeyCode.END, END);
        m.put(KeyCode.PAGE_DOWN, PAGE_DOWN);
        m.put(KeyCode.RIGHT, RIGHT_ARROW);
        m.put(KeyCode.LEFT, LEFT_ARROW);
        m.put(KeyCode.DOWN, DOWN_ARROW);
        m.put(KeyCode.UP, UP_ARROW);
    }

    private static void keypad(Map<KeyCode, Integer> m) {
        m.put(KeyCode.NUM_LOCK, NUM_LOCK);
        m.put(KeyCode.DIVIDE, KEYPAD_DIVIDE);
        m.put(KeyCode.MULTIPLY, KEYPAD_MULTIPLY);
        m.put(KeyCode.SUBTRACT, KEYPAD_MINUS);
        m.put(KeyCode.ADD, KEYPAD_PLUS);
        m.put(KeyCode.NUMPAD0, KEYPAD_0);
        for (int d = 1; d <= 9; d++) {
            m.put(KeyCode.valueOf("NUMPAD" + d), KEYPAD_1 + d - 1);
        }
        m.put(KeyCode.DECIMAL, KEYPAD_DECIMAL);
        // Layouts with a decimal comma (German...) give the same key as the keypad separator.
        m.put(KeyCode.SEPARATOR, KEYPAD_DECIMAL);
        // Keypad 5 with Num Lock off (GTK's KP_Begin, Windows' VK_CLEAR).
        m.put(KeyCode.CLEAR, KEYPAD_5);
        m.put(KeyCode.BEGIN, KEYPAD_5);
        m.put(KeyCode.KP_UP, KEYPAD_8);
        m.put(KeyCode.KP_DOWN, KEYPAD_2);
        m.put(KeyCode.KP_LEFT, KEYPAD_4);
        m.put(KeyCode.KP_RIGHT, KEYPAD_6);
    }

    private static void modifiers(Map<KeyCode, Integer> m) {
        m.put(KeyCode.CONTROL, LEFT_CONTROL);
        m.put(KeyCode.SHIFT, LEFT_SHIFT);
        m.put(KeyCode.ALT, LEFT_ALT);
        // GTK reports the right Alt key (Alt_R, ISO_Level3_Shift) as Alt Graph: the one right-hand
        // modifier JavaFX tells apart.
        m.put(KeyCode.ALT_GRAPH, RIGHT_ALT);
        // The Windows key on Windows and Linux; Command on macOS.
        m.put(KeyCode.WINDOWS, LEFT_GUI);
        m.put(KeyCode.META, LEFT_GUI);
        m.put(KeyCode.COMMAND, LEFT_GUI);
    }

    /** Keys of the page's 0x74..0x81 block that JavaFX names (Sun-style editing keys, volume). */
    private static void editingAndMedia(Map<KeyCode, Integer> m) {
        m.put(KeyCode.HELP, HELP);
        m.put(KeyCode.PROPS, MENU);
        m.put(KeyCode.STOP, STOP);
        m.put(KeyCode.AGAIN, AGAIN);
        m.put(KeyCode.UNDO, UNDO);
        m.put(KeyCode.CUT, CUT);
        m.put(KeyCode.COPY, COPY);
        m.put(KeyCode.PASTE, PASTE);
        m.put(KeyCode.FIND, FIND);
        m.put(KeyCode.CANCEL, CANCEL);
        m.put(KeyCode.MUTE, MUTE);
        m.put(KeyCode.VOLUME_UP, VOLUME_UP);
        m.put(KeyCode.VOLUME_DOWN, VOLUME_DOWN);
    }

    /** Japanese keyboard keys whose JavaFX names are unambiguous. */
    private static void japanese(Map<KeyCode, Integer> m) {
        m.put(KeyCode.CONVERT, INTERNATIONAL_4);
        m.put(KeyCode.NONCONVERT, INTERNATIONAL_5);
        m.put(KeyCode.KATAKANA, LANG_3);
        m.put(KeyCode.HIRAGANA, LANG_4);
        // One Zenkaku/Hankaku key toggles between the two widths.
        m.put(KeyCode.FULL_WIDTH, LANG_5);
        m.put(KeyCode.HALF_WIDTH, LANG_5);
    }
}
