package org.skvmoip.protocol;

/**
 * STATUS payload (docs/protocol.md §4.5), module → server, on change and on STATUS_REQUEST.
 *
 * <pre>
 * 0      flags          see the FLAG_ constants; bits 6-7 zero
 * 1      keyboard LEDs  the target's last LED output report: bit0 Num, bit1 Caps, bit2 Scroll,
 *                       bit3 Compose, bit4 Kana (HID 1.11 Appendix B.1)
 * 2      HDD activity   0..100: percent of the last window the HDD LED was lit
 * </pre>
 */
public final class Status {

    public static final int FLAGS = 0;
    public static final int KEYBOARD_LEDS = 1;
    public static final int HDD_ACTIVITY = 2;
    public static final int LENGTH = 3;

    /** The target's power LED is lit (debounced). */
    public static final int FLAG_POWER_LED = 0x01;
    /** The target's HDD LED is lit at the moment of the report. */
    public static final int FLAG_HDD_LED = 0x02;
    /** The module's Ethernet PHY reports link. */
    public static final int FLAG_LINK = 0x04;
    /** The target's USB host has configured the module (SET_CONFIGURATION). */
    public static final int FLAG_USB_CONFIGURED = 0x08;
    /** The target's USB host has suspended the bus (target asleep or off). */
    public static final int FLAG_USB_SUSPENDED = 0x10;
    /** The keyboard interface is in boot protocol (clear: report protocol). */
    public static final int FLAG_BOOT_PROTOCOL = 0x20;
    public static final int FLAGS_MASK = 0x3F;

    public static final int LED_NUM_LOCK = 0x01;
    public static final int LED_CAPS_LOCK = 0x02;
    public static final int LED_SCROLL_LOCK = 0x04;
    public static final int LED_COMPOSE = 0x08;
    public static final int LED_KANA = 0x10;
    public static final int LEDS_MASK = 0x1F;

    public static final int MAX_HDD_ACTIVITY = 100;

    private Status() {
    }

    public static int flags(byte[] b, int p) {
        return Bytes.u8(b, p + FLAGS);
    }

    public static int keyboardLeds(byte[] b, int p) {
        return Bytes.u8(b, p + KEYBOARD_LEDS);
    }

    public static int hddActivity(byte[] b, int p) {
        return Bytes.u8(b, p + HDD_ACTIVITY);
    }

    /** Writes the payload; returns {@link #LENGTH}, or {@link ProtocolError#BAD_FIELD} for a value out of range. */
    public static int write(byte[] dst, int p, int flags, int keyboardLeds, int hddActivity) {
        if ((flags & ~FLAGS_MASK) != 0 || (keyboardLeds & ~LEDS_MASK) != 0 || hddActivity < 0
                || hddActivity > MAX_HDD_ACTIVITY) {
            return ProtocolError.BAD_FIELD;
        }
        dst[p + FLAGS] = (byte) flags;
        dst[p + KEYBOARD_LEDS] = (byte) keyboardLeds;
        dst[p + HDD_ACTIVITY] = (byte) hddActivity;
        return LENGTH;
    }

    static int validate(byte[] b, int p) {
        if ((flags(b, p) & ~FLAGS_MASK) != 0 || (keyboardLeds(b, p) & ~LEDS_MASK) != 0
                || hddActivity(b, p) > MAX_HDD_ACTIVITY) {
            return ProtocolError.BAD_FIELD;
        }
        return 0;
    }
}
