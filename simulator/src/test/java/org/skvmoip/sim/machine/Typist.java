package org.skvmoip.sim.machine;

import org.skvmoip.sim.usb.HostInputListener;

/** Types text as a US keyboard would send it: key down/up per character, Shift where needed. */
final class Typist {

    static final int LEFT_SHIFT = 0xE1;
    static final int RIGHT_SHIFT = 0xE5;

    private final HostInputListener host;
    /** Which Shift key to use, alternating, so both are exercised. */
    private boolean useRightShift;

    Typist(HostInputListener host) {
        this.host = host;
    }

    void type(String text) {
        for (char c : text.toCharArray()) {
            int[] usageAndShift = usageFor(c);
            int shift = useRightShift ? RIGHT_SHIFT : LEFT_SHIFT;
            if (usageAndShift[1] == 1) {
                host.keyDown(shift);
                useRightShift = !useRightShift;
            }
            tap(usageAndShift[0]);
            if (usageAndShift[1] == 1) {
                host.keyUp(shift);
            }
        }
    }

    void tap(int usage) {
        host.keyDown(usage);
        host.keyUp(usage);
    }

    /** {usage, 1 if shifted}: the inverse of the golden key map for letters, digits and punctuation. */
    static int[] usageFor(char c) {
        for (int usage = 0x04; usage <= 0x38; usage++) {
            for (int shifted = 0; shifted <= 1; shifted++) {
                if (KeyMap.character(usage, shifted == 1, false, false) == c) {
                    return new int[] {usage, shifted};
                }
            }
        }
        throw new IllegalArgumentException("no key types '" + c + "' on a US keyboard");
    }
}
