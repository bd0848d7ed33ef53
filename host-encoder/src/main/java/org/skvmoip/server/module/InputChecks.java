package org.skvmoip.server.module;

import org.skvmoip.protocol.Keyboard;
import org.skvmoip.protocol.MouseAbsolute;
import org.skvmoip.protocol.MouseRelative;
import org.skvmoip.protocol.Power;
import org.skvmoip.protocol.Protocol;

/**
 * Refuses input the protocol cannot carry on the caller's thread, with what was wrong, rather than
 * letting the session drop it later where nobody sees why. The rules are the protocol's own: each
 * check encodes the payload once into scratch space and reads the verdict.
 */
final class InputChecks {

    private InputChecks() {
    }

    static void keyboard(int modifiers, byte[] usages, int count) {
        if (Keyboard.write(new byte[Protocol.MAX_PAYLOAD], 0, modifiers, usages, 0, count) < 0) {
            throw new IllegalArgumentException("keyboard state out of range: modifiers 0x" + Integer.toHexString(modifiers)
                    + " (one byte of bits), " + count + " keys (at most " + Keyboard.MAX_USAGES + "), each a HID usage 0x"
                    + Integer.toHexString(Keyboard.FIRST_KEY_USAGE) + "..0x" + Integer.toHexString(Keyboard.LAST_KEY_USAGE)
                    + " (modifier keys travel as bits)");
        }
    }

    static void mouseAbsolute(int buttons, int x, int y, int wheel, int hwheel) {
        if (MouseAbsolute.write(new byte[Protocol.MAX_PAYLOAD], 0, buttons, x, y, wheel, hwheel) < 0) {
            throw new IllegalArgumentException("absolute pointer out of range: buttons " + buttons + " (5 bits), x " + x
                    + " and y " + y + " (0.." + MouseAbsolute.MAX_COORDINATE + "), wheels " + wheel + ", " + hwheel
                    + " (-128..127)");
        }
    }

    static void mouseRelative(int buttons, int dx, int dy, int wheel, int hwheel) {
        if (MouseRelative.write(new byte[Protocol.MAX_PAYLOAD], 0, buttons, dx, dy, wheel, hwheel) < 0) {
            throw new IllegalArgumentException("relative mouse out of range: buttons " + buttons + " (5 bits), dx " + dx
                    + " and dy " + dy + " (-32768..32767), wheels " + wheel + ", " + hwheel + " (-128..127)");
        }
    }

    static void power(int action) {
        if (Power.write(new byte[Protocol.MAX_PAYLOAD], 0, action) < 0) {
            throw new IllegalArgumentException("power action " + action + " is none of SHORT_PRESS ("
                    + Power.SHORT_PRESS + "), LONG_PRESS (" + Power.LONG_PRESS + "), RESET (" + Power.RESET + ")");
        }
    }
}
