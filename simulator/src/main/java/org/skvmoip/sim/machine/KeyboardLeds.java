package org.skvmoip.sim.machine;

/**
 * The keyboard LED bits, in the order of the boot keyboard's LED output report (HID 1.11,
 * appendix B.1: bit 0 Num Lock, bit 1 Caps Lock, bit 2 Scroll Lock), so the USB host model
 * can send {@link VirtualTarget#keyboardLeds()} to the module as it is.
 */
public final class KeyboardLeds {

    public static final int NUM_LOCK = 1;
    public static final int CAPS_LOCK = 2;
    public static final int SCROLL_LOCK = 4;

    private KeyboardLeds() {
    }

    /** Hears the target's OS change its keyboard LEDs (called outside the target's lock). */
    public interface Listener {
        void keyboardLedsChanged(int leds);
    }
}
