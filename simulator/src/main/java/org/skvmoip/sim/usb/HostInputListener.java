package org.skvmoip.sim.usb;

/**
 * What the target machine's operating system learns from the USB host model: key and pointer
 * events decoded from the device's input reports. Usages are Keyboard/Keypad page (0x07) codes;
 * modifiers come as their own usages 0xE0..0xE7. Buttons are bits, bit 0 = button 1 (left).
 * Called on the thread that polls the host model.
 */
public interface HostInputListener {

    void keyDown(int usage);

    void keyUp(int usage);

    /** One relative mouse report: motion since the last one, buttons held now. */
    void pointerRelative(int dx, int dy, int buttons, int wheel, int pan);

    /** One absolute pointer report: x and y in the descriptor's logical range (0..32767). */
    void pointerAbsolute(int x, int y, int buttons, int wheel, int pan);
}
