package org.skvmoip.sim.usb;

/**
 * How the host reads reports. BOOT is a BIOS: it sets the boot protocol on the boot keyboard
 * and mouse, reads them with the fixed layouts of HID 1.11 Appendix B and ignores every other
 * interface. REPORT is an operating system: it reads every interface with its report descriptor.
 */
public enum HidProtocol {
    BOOT(0), REPORT(1);

    /** The wValue of SET_PROTOCOL (HID 1.11 §7.2.6). */
    public final int code;

    HidProtocol(int code) {
        this.code = code;
    }
}
