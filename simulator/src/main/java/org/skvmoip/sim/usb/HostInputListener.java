package org.skvmoip.sim.usb;

/**
 * What the target machine's OS receives from the USB host model once it has decoded the
 * module's HID reports: key transitions as HID Keyboard-page usages (HID Usage Tables, section
 * 10: 0x04 'a' .. 0x1D 'z', 0x1E..0x27 digits, modifiers 0xE0..0xE7) and pointer reports
 * (absolute coordinates 0..32767 on each axis).
 */
public interface HostInputListener {

    void keyDown(int usage);

    void keyUp(int usage);

    void pointerRelative(int dx, int dy, int buttons, int wheel, int pan);

    void pointerAbsolute(int x, int y, int buttons, int wheel, int pan);
}
