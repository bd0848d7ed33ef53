package org.skvmoip.firmware.hid;

import static org.skvmoip.firmware.hid.ReportItems.join;

/**
 * The device's standard descriptors as data (USB 2.0 §9.6: device Table 9-8, configuration
 * Table 9-10, interface Table 9-12, endpoint Table 9-13, string §9.6.7; HID 1.11 §6.2.1 for the
 * HID descriptor and §4.2/§4.3 for the interface subclass and protocol codes).
 *
 * <p>One configuration of three HID interfaces, each with one interrupt IN endpoint polled every
 * frame (bInterval 1 = 1 ms at full speed). The keyboard's LED output report arrives by
 * SET_REPORT on EP0, which HID 1.11 §4.4 allows instead of an interrupt OUT endpoint.
 */
final class UsbDescriptors {

    static final int KEYBOARD_INTERFACE = 0;
    static final int MOUSE_INTERFACE = 1;
    static final int POINTER_INTERFACE = 2;
    static final int INTERFACE_COUNT = 3;

    /** Interrupt IN endpoint number of each interface (address = 0x80 | number). */
    static final int KEYBOARD_ENDPOINT = 1;
    static final int MOUSE_ENDPOINT = 2;
    static final int POINTER_ENDPOINT = 3;

    static final int CONFIGURATION_VALUE = 1;
    static final int EP0_MAX_PACKET = 64;
    static final int INTERRUPT_MAX_PACKET = 8;
    static final int INTERVAL_1_MS = 1;

    static final int CLASS_HID = 0x03;
    static final int SUBCLASS_NONE = 0;
    static final int SUBCLASS_BOOT = 1;
    static final int PROTOCOL_NONE = 0;
    static final int PROTOCOL_KEYBOARD = 1;
    static final int PROTOCOL_MOUSE = 2;

    /** pid.codes test VID/PID: to be replaced by an allocated pair before shipping. */
    static final int VENDOR_ID = 0x1209;
    static final int PRODUCT_ID = 0x0001;
    static final int DEVICE_RELEASE = 0x0100;

    static final int STRING_LANGUAGES = 0;
    static final int STRING_MANUFACTURER = 1;
    static final int STRING_PRODUCT = 2;
    static final int STRING_SERIAL = 3;
    static final int LANGUAGE_EN_US = 0x0409;

    static final int HID_DESCRIPTOR_LENGTH = 9;
    static final int INTERFACE_BLOCK_LENGTH = 9 + HID_DESCRIPTOR_LENGTH + 7;
    static final int CONFIGURATION_HEADER_LENGTH = 9;

    static final byte[] DEVICE = {
        18, UsbRequests.DESCRIPTOR_DEVICE, lo(0x0200), hi(0x0200),
        0, 0, 0, // class defined per interface
        EP0_MAX_PACKET, lo(VENDOR_ID), hi(VENDOR_ID), lo(PRODUCT_ID), hi(PRODUCT_ID),
        lo(DEVICE_RELEASE), hi(DEVICE_RELEASE), STRING_MANUFACTURER, STRING_PRODUCT, STRING_SERIAL, 1,
    };

    static final byte[] CONFIGURATION = join(new byte[][] {
        configuration(CONFIGURATION_HEADER_LENGTH + INTERFACE_COUNT * INTERFACE_BLOCK_LENGTH, INTERFACE_COUNT),
        hidInterface(KEYBOARD_INTERFACE, SUBCLASS_BOOT, PROTOCOL_KEYBOARD, ReportDescriptors.KEYBOARD.length,
                KEYBOARD_ENDPOINT),
        hidInterface(MOUSE_INTERFACE, SUBCLASS_BOOT, PROTOCOL_MOUSE, ReportDescriptors.MOUSE.length,
                MOUSE_ENDPOINT),
        hidInterface(POINTER_INTERFACE, SUBCLASS_NONE, PROTOCOL_NONE, ReportDescriptors.POINTER.length,
                POINTER_ENDPOINT),
    });

    static final byte[] LANGUAGES = {4, UsbRequests.DESCRIPTOR_STRING, lo(LANGUAGE_EN_US), hi(LANGUAGE_EN_US)};
    static final byte[] MANUFACTURER = string("SKVMOIP");
    static final byte[] PRODUCT = string("SKVMOIP Keyboard and Mouse");

    /** Serial string length: 12 unique-id bytes as 24 hex digits in UTF-16LE, plus the header. */
    static final int SERIAL_DIGITS = 24;
    static final int SERIAL_LENGTH = 2 + 2 * SERIAL_DIGITS;

    private UsbDescriptors() {
    }

    /** Where interface {@code n}'s HID descriptor starts inside {@link #CONFIGURATION}. */
    static int hidDescriptorOffset(int n) {
        return CONFIGURATION_HEADER_LENGTH + n * INTERFACE_BLOCK_LENGTH + 9;
    }

    /** The report descriptor of interface {@code n}, or null when there is no such interface. */
    static byte[] reportDescriptor(int n) {
        switch (n) {
            case KEYBOARD_INTERFACE:
                return ReportDescriptors.KEYBOARD;
            case MOUSE_INTERFACE:
                return ReportDescriptors.MOUSE;
            case POINTER_INTERFACE:
                return ReportDescriptors.POINTER;
            default:
                return null;
        }
    }

    /**
     * Writes the serial number string descriptor for {@code uniqueId} (the MCU's 96-bit id, so
     * two modules never enumerate alike) as upper-case hex; missing bytes read as zero.
     */
    static void writeSerial(byte[] uniqueId, byte[] dst) {
        dst[0] = (byte) SERIAL_LENGTH;
        dst[1] = UsbRequests.DESCRIPTOR_STRING;
        for (int i = 0; i < SERIAL_DIGITS; i++) {
            int b = uniqueId != null && i / 2 < uniqueId.length ? uniqueId[i / 2] & 0xFF : 0;
            int nibble = (i & 1) == 0 ? b >>> 4 : b & 0xF;
            dst[2 + 2 * i] = (byte) (nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
            dst[3 + 2 * i] = 0;
        }
    }

    private static byte[] configuration(int totalLength, int interfaces) {
        return new byte[] {
            CONFIGURATION_HEADER_LENGTH, UsbRequests.DESCRIPTOR_CONFIGURATION, lo(totalLength), hi(totalLength),
            (byte) interfaces, CONFIGURATION_VALUE, 0,
            (byte) 0x80, // bus powered, no remote wake-up (bit 7 must be set, §9.6.3)
            50, // 100 mA in 2 mA units
        };
    }

    private static byte[] hidInterface(int number, int subclass, int protocol, int reportLength, int endpoint) {
        return new byte[] {
            9, UsbRequests.DESCRIPTOR_INTERFACE, (byte) number, 0, 1, CLASS_HID, (byte) subclass, (byte) protocol, 0,
            HID_DESCRIPTOR_LENGTH, (byte) UsbRequests.DESCRIPTOR_HID, lo(0x0111), hi(0x0111), 0, 1,
            (byte) UsbRequests.DESCRIPTOR_REPORT, lo(reportLength), hi(reportLength),
            7, UsbRequests.DESCRIPTOR_ENDPOINT, (byte) (0x80 | endpoint), 0x03, // interrupt
            lo(INTERRUPT_MAX_PACKET), hi(INTERRUPT_MAX_PACKET), INTERVAL_1_MS,
        };
    }

    /** A string descriptor of ASCII text in UTF-16LE (§9.6.7). */
    private static byte[] string(String ascii) {
        byte[] out = new byte[2 + 2 * ascii.length()];
        out[0] = (byte) out.length;
        out[1] = UsbRequests.DESCRIPTOR_STRING;
        for (int i = 0; i < ascii.length(); i++) {
            out[2 + 2 * i] = (byte) ascii.charAt(i);
        }
        return out;
    }

    private static byte lo(int value) {
        return (byte) value;
    }

    private static byte hi(int value) {
        return (byte) (value >>> 8);
    }
}
