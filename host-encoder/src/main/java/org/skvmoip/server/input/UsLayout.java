package org.skvmoip.server.input;

import org.skvmoip.protocol.HidKeyboard;
import java.util.ArrayList;
import java.util.List;

/**
 * The US keyboard layout: every printable ASCII character, plus line breaks (Enter) and tabs
 * (Tab). Shift is the left one, as a person types.
 *
 * <p>Line breaks: "\n", "\r\n" and a lone "\r" each press Enter once, so text pasted from any
 * OS gives one Enter per line.
 */
public final class UsLayout implements KeyboardLayout {

    public static final UsLayout INSTANCE = new UsLayout();

    /** The characters of the punctuation keys 0x2D..0x38, unshifted and shifted (0x32, Non-US #, has none). */
    private static final String PUNCTUATION = "-=[]\\\0;'`,./";
    private static final String PUNCTUATION_SHIFTED = "_+{}|\0:\"~<>?";
    /** Shift with the digit keys 1..9, 0. */
    private static final String DIGITS_SHIFTED = "!@#$%^&*()";

    private static final KeyStroke[] ASCII = table();

    private UsLayout() {
    }

    @Override
    public String name() {
        return "us";
    }

    @Override
    public List<KeyStroke> strokes(String text) {
        List<KeyStroke> strokes = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // the \n that follows presses Enter
            }
            KeyStroke stroke = c < ASCII.length ? ASCII[c] : null;
            if (stroke == null) {
                throw new IllegalArgumentException("the " + name() + " keyboard layout cannot type " + describe(c)
                        + " (character " + (i + 1) + " of the text)");
            }
            strokes.add(stroke);
        }
        return strokes;
    }

    /** The stroke for one character, or null. */
    static KeyStroke stroke(char c) {
        return c < ASCII.length ? ASCII[c] : null;
    }

    private static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        return Character.isISOControl(c) || Character.isWhitespace(c) ? code : "'" + c + "' (" + code + ")";
    }

    private static KeyStroke[] table() {
        KeyStroke[] table = new KeyStroke[128];
        for (int i = 0; i < 26; i++) {
            table['a' + i] = new KeyStroke(0, HidKeyboard.A + i);
            table['A' + i] = new KeyStroke(HidKeyboard.MODIFIER_LEFT_SHIFT, HidKeyboard.A + i);
        }
        for (int i = 0; i < 10; i++) {
            int usage = HidKeyboard.DIGIT_1 + i; // 1..9, then 0
            table["1234567890".charAt(i)] = new KeyStroke(0, usage);
            table[DIGITS_SHIFTED.charAt(i)] = new KeyStroke(HidKeyboard.MODIFIER_LEFT_SHIFT, usage);
        }
        for (int i = 0; i < PUNCTUATION.length(); i++) {
            if (PUNCTUATION.charAt(i) != 0) {
                table[PUNCTUATION.charAt(i)] = new KeyStroke(0, HidKeyboard.MINUS + i);
                table[PUNCTUATION_SHIFTED.charAt(i)] = new KeyStroke(HidKeyboard.MODIFIER_LEFT_SHIFT, HidKeyboard.MINUS + i);
            }
        }
        table[' '] = new KeyStroke(0, HidKeyboard.SPACE);
        table['\n'] = new KeyStroke(0, HidKeyboard.ENTER);
        table['\r'] = new KeyStroke(0, HidKeyboard.ENTER);
        table['\t'] = new KeyStroke(0, HidKeyboard.TAB);
        return table;
    }
}
