package org.skvmoip.server.input;

/**
 * Keys pressed together, as a user writes them: "ctrl+alt+delete", "shift+F10", "meta+r".
 * Pressed in order, held together, released together.
 */
public record KeyCombo(int modifiers, byte[] usages) {

    /** Parses a combo; an unknown key name is an IllegalArgumentException naming it. */
    public static KeyCombo parse(String text) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }
}
