package org.skvmoip.firmware.hid;

import java.util.LinkedHashMap;
import java.util.Map;

import org.skvmoip.protocol.HidKeyboard;

/**
 * Writes the firmware's USB descriptors ({@link UsbDescriptors}, {@link ReportDescriptors}: the
 * one source of truth) as C data for the C-only bring-up image, which enumerates with the very
 * bytes the Java firmware sends, and the few keyboard usages (protocol's HidKeyboard) its
 * self-test line needs. {@link UsbDescriptorsCTest} keeps the committed files under
 * mcu-hal/src/main/c/generated equal to this output.
 */
final class UsbDescriptorsC {

    static final String HEADER_NAME = "usb_descriptors.h";
    static final String SOURCE_NAME = "usb_descriptors.c";
    private static final int BYTES_PER_LINE = 12;

    private UsbDescriptorsC() {
    }

    /** The descriptors by C name, in the order a host asks for them. */
    static Map<String, byte[]> tables() {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put("usb_descriptor_device", UsbDescriptors.DEVICE);
        tables.put("usb_descriptor_configuration", UsbDescriptors.CONFIGURATION);
        tables.put("usb_descriptor_languages", UsbDescriptors.LANGUAGES);
        tables.put("usb_descriptor_manufacturer", UsbDescriptors.MANUFACTURER);
        tables.put("usb_descriptor_product", UsbDescriptors.PRODUCT);
        tables.put("usb_report_descriptor_keyboard", ReportDescriptors.KEYBOARD);
        tables.put("usb_report_descriptor_mouse", ReportDescriptors.MOUSE);
        tables.put("usb_report_descriptor_pointer", ReportDescriptors.POINTER);
        return tables;
    }

    static String header() {
        StringBuilder c = new StringBuilder(banner());
        c.append("#ifndef SKVM_GENERATED_USB_DESCRIPTORS_H\n#define SKVM_GENERATED_USB_DESCRIPTORS_H\n\n");
        c.append("#include <stdint.h>\n\n");
        define(c, "KEYBOARD_INTERFACE", UsbDescriptors.KEYBOARD_INTERFACE);
        define(c, "MOUSE_INTERFACE", UsbDescriptors.MOUSE_INTERFACE);
        define(c, "POINTER_INTERFACE", UsbDescriptors.POINTER_INTERFACE);
        define(c, "INTERFACE_COUNT", UsbDescriptors.INTERFACE_COUNT);
        define(c, "KEYBOARD_ENDPOINT", UsbDescriptors.KEYBOARD_ENDPOINT);
        define(c, "MOUSE_ENDPOINT", UsbDescriptors.MOUSE_ENDPOINT);
        define(c, "POINTER_ENDPOINT", UsbDescriptors.POINTER_ENDPOINT);
        define(c, "CONFIGURATION_VALUE", UsbDescriptors.CONFIGURATION_VALUE);
        define(c, "EP0_MAX_PACKET", UsbDescriptors.EP0_MAX_PACKET);
        define(c, "INTERRUPT_MAX_PACKET", UsbDescriptors.INTERRUPT_MAX_PACKET);
        define(c, "HID_DESCRIPTOR_LENGTH", UsbDescriptors.HID_DESCRIPTOR_LENGTH);
        define(c, "STRING_MANUFACTURER", UsbDescriptors.STRING_MANUFACTURER);
        define(c, "STRING_PRODUCT", UsbDescriptors.STRING_PRODUCT);
        define(c, "STRING_SERIAL", UsbDescriptors.STRING_SERIAL);
        define(c, "SERIAL_LENGTH", UsbDescriptors.SERIAL_LENGTH);
        define(c, "KEYBOARD_REPORT_LENGTH", KeyboardReport.LENGTH);
        define(c, "KEYBOARD_KEYS_OFFSET", KeyboardReport.KEYS_OFFSET);
        c.append("\n/* Control requests (USB 2.0 §9.3-9.4, HID 1.11 §7.1-7.2; UsbRequests). */\n");
        request(c, "DIRECTION_IN", UsbRequests.DIRECTION_IN);
        request(c, "TYPE_MASK", UsbRequests.TYPE_MASK);
        request(c, "TYPE_STANDARD", UsbRequests.TYPE_STANDARD);
        request(c, "TYPE_CLASS", UsbRequests.TYPE_CLASS);
        request(c, "RECIPIENT_MASK", UsbRequests.RECIPIENT_MASK);
        request(c, "RECIPIENT_DEVICE", UsbRequests.RECIPIENT_DEVICE);
        request(c, "RECIPIENT_INTERFACE", UsbRequests.RECIPIENT_INTERFACE);
        request(c, "GET_STATUS", UsbRequests.GET_STATUS);
        request(c, "CLEAR_FEATURE", UsbRequests.CLEAR_FEATURE);
        request(c, "SET_ADDRESS", UsbRequests.SET_ADDRESS);
        request(c, "GET_DESCRIPTOR", UsbRequests.GET_DESCRIPTOR);
        request(c, "GET_CONFIGURATION", UsbRequests.GET_CONFIGURATION);
        request(c, "SET_CONFIGURATION", UsbRequests.SET_CONFIGURATION);
        request(c, "GET_INTERFACE", UsbRequests.GET_INTERFACE);
        request(c, "SET_INTERFACE", UsbRequests.SET_INTERFACE);
        request(c, "GET_REPORT", UsbRequests.GET_REPORT);
        request(c, "GET_IDLE", UsbRequests.GET_IDLE);
        request(c, "GET_PROTOCOL", UsbRequests.GET_PROTOCOL);
        request(c, "SET_REPORT", UsbRequests.SET_REPORT);
        request(c, "SET_IDLE", UsbRequests.SET_IDLE);
        request(c, "SET_PROTOCOL", UsbRequests.SET_PROTOCOL);
        request(c, "DESCRIPTOR_DEVICE", UsbRequests.DESCRIPTOR_DEVICE);
        request(c, "DESCRIPTOR_CONFIGURATION", UsbRequests.DESCRIPTOR_CONFIGURATION);
        request(c, "DESCRIPTOR_STRING", UsbRequests.DESCRIPTOR_STRING);
        request(c, "DESCRIPTOR_HID", UsbRequests.DESCRIPTOR_HID);
        request(c, "DESCRIPTOR_REPORT", UsbRequests.DESCRIPTOR_REPORT);
        c.append("\n/* Keyboard usages (HID Usage Tables, page 0x07; protocol.HidKeyboard) for typing plain text. */\n");
        usage(c, "A", HidKeyboard.A);
        usage(c, "DIGIT_1", HidKeyboard.DIGIT_1);
        usage(c, "DIGIT_0", HidKeyboard.DIGIT_0);
        usage(c, "ENTER", HidKeyboard.ENTER);
        usage(c, "SPACE", HidKeyboard.SPACE);
        usage(c, "MINUS", HidKeyboard.MINUS);
        usage(c, "PERIOD", HidKeyboard.PERIOD);
        usage(c, "MODIFIER_LEFT_SHIFT", HidKeyboard.MODIFIER_LEFT_SHIFT);
        c.append("\n/* Where interface n's HID descriptor starts inside usb_descriptor_configuration. */\n");
        for (int n = 0; n < UsbDescriptors.INTERFACE_COUNT; n++) {
            define(c, "HID_DESCRIPTOR_OFFSET_" + n, UsbDescriptors.hidDescriptorOffset(n));
        }
        c.append('\n');
        for (Map.Entry<String, byte[]> table : tables().entrySet()) {
            c.append("extern const uint8_t ").append(table.getKey()).append('[').append(table.getValue().length)
                    .append("];\n");
        }
        c.append("\n#endif\n");
        return c.toString();
    }

    static String source() {
        StringBuilder c = new StringBuilder(banner());
        c.append("#include \"generated/").append(HEADER_NAME).append("\"\n");
        for (Map.Entry<String, byte[]> table : tables().entrySet()) {
            byte[] bytes = table.getValue();
            c.append("\nconst uint8_t ").append(table.getKey()).append('[').append(bytes.length).append("] = {");
            for (int i = 0; i < bytes.length; i++) {
                c.append(i % BYTES_PER_LINE == 0 ? "\n   " : "");
                c.append(String.format(" 0x%02X,", bytes[i] & 0xFF));
            }
            c.append("\n};\n");
        }
        return c.toString();
    }

    private static String banner() {
        return "/*\n"
                + " * GENERATED from mcu-app's UsbDescriptors.java and ReportDescriptors.java (the one source of\n"
                + " * truth) by mcu-app/src/test/java/org/skvmoip/firmware/hid/UsbDescriptorsC.java. Do not edit:\n"
                + " * change the Java data, then regenerate with\n"
                + " *   ./mvnw -o -q -pl mcu-app -am verify -Dtest=UsbDescriptorsCTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dskvm.regenerate=true\n"
                + " */\n";
    }

    private static void request(StringBuilder c, String name, int value) {
        c.append("#define USB_REQUEST_").append(name).append(' ').append(String.format("0x%02X", value)).append('\n');
    }

    private static void usage(StringBuilder c, String name, int value) {
        c.append("#define USB_HID_").append(name).append(' ').append(String.format("0x%02X", value)).append('\n');
    }

    private static void define(StringBuilder c, String name, int value) {
        c.append("#define USB_DESCRIPTORS_").append(name).append(' ').append(value).append('\n');
    }
}
