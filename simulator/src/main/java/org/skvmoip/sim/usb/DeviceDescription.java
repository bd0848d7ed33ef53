package org.skvmoip.sim.usb;

import java.util.List;

/** What enumeration learned about the device, after every structural check passed. */
public record DeviceDescription(int vendorId, int productId, int ep0MaxPacket, int configurationValue,
        List<HidInterface> interfaces, String manufacturer, String product, String serial) {

    /**
     * One HID interface: class codes, its interrupt IN endpoint, and its report descriptor as
     * fetched and parsed.
     */
    public record HidInterface(int number, int subclass, int protocol, int endpoint, int maxPacket, int interval,
            int reportDescriptorLength, byte[] reportDescriptor, ReportLayout layout) {

        public static final int SUBCLASS_BOOT = 1;
        public static final int PROTOCOL_KEYBOARD = 1;
        public static final int PROTOCOL_MOUSE = 2;

        public boolean isBoot() {
            return subclass == SUBCLASS_BOOT;
        }

        public boolean isBootKeyboard() {
            return isBoot() && protocol == PROTOCOL_KEYBOARD;
        }

        public boolean isBootMouse() {
            return isBoot() && protocol == PROTOCOL_MOUSE;
        }
    }

    public HidInterface hidInterface(int number) {
        return interfaces.stream().filter(i -> i.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no interface " + number));
    }
}
