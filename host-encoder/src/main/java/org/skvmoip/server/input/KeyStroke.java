package org.skvmoip.server.input;

/** One key pressed with modifiers held (HID modifier bits, usage from HID Usage Tables §10). */
public record KeyStroke(int modifiers, int usage) {
}
