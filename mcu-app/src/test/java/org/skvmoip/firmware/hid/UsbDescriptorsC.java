package org.skvmoip.firmware.hid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the firmware's USB descriptors ({@link UsbDescriptors}, {@link ReportDescriptors}: the
 * one source of truth) as C data for the C-only bring-up image, which enumerates with the very
 * bytes the Java firmware sends. {@link UsbDescriptorsCTest} keeps the committed files under
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

    private static void define(StringBuilder c, String name, int value) {
        c.append("#define USB_DESCRIPTORS_").append(name).append(' ').append(value).append('\n');
    }
}
