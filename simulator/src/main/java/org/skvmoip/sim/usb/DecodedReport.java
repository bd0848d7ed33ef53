package org.skvmoip.sim.usb;

import java.util.Set;

/**
 * One input report as the host understood it. {@code keys} holds Keyboard page usages that are
 * down, modifiers (0xE0..0xE7) included; {@code rollover} means the keyboard reported
 * ErrorRollOver (too many keys) and its key slots say nothing. Buttons are bits, bit 0 = button 1.
 */
public record DecodedReport(Set<Integer> keys, boolean rollover, int buttons, boolean hasPointer,
        boolean relative, int x, int y, int wheel, int pan) {
}
