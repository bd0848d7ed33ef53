package org.skvmoip.firmware.hid;

import static org.skvmoip.firmware.hid.UsbRequests.*;

import org.skvmoip.hal.UsbDevice;

/**
 * Answers EP0 control requests (USB 2.0 §9.4 standard requests, HID 1.11 §7.1 class
 * descriptors and §7.2 class requests) for {@link UsbHid}. A request this device does not
 * support, or one with a bad value, index or direction, is answered with STALL (§9.2.7, request
 * error). Descriptor replies are cut to wLength, so a host asking for 8 bytes of the device
 * descriptor or 9 of the configuration gets exactly that.
 */
final class ControlRequests {

    private static final int FEATURE_ENDPOINT_HALT = 0;
    private static final int NO_PENDING_OUT = -1;

    private final UsbDevice usb;
    private final UsbHid hid;
    private final byte[] setup = new byte[UsbDevice.SETUP_LENGTH];
    private final byte[] data = new byte[UsbDescriptors.EP0_MAX_PACKET];
    private final byte[] serial = new byte[UsbDescriptors.SERIAL_LENGTH];
    /** The interface whose SET_REPORT data stage is awaited, or NO_PENDING_OUT. */
    private int pendingOutInterface = NO_PENDING_OUT;
    private int pendingOutLength;

    ControlRequests(UsbDevice usb, UsbHid hid, byte[] uniqueId) {
        this.usb = usb;
        this.hid = hid;
        UsbDescriptors.writeSerial(uniqueId, serial);
    }

    void reset() {
        pendingOutInterface = NO_PENDING_OUT;
    }

    /** Answers every waiting request, and a SET_REPORT whose data stage has arrived. */
    void serve() {
        while (usb.pollSetup(setup)) {
            pendingOutInterface = NO_PENDING_OUT; // a new SETUP aborts the previous transfer
            dispatch();
        }
        if (pendingOutInterface != NO_PENDING_OUT) {
            int got = usb.controlOut(data, 0, Math.min(pendingOutLength, data.length));
            if (got >= 0) {
                int iface = pendingOutInterface;
                pendingOutInterface = NO_PENDING_OUT;
                if (got >= 1 && iface == UsbHid.KEYBOARD) {
                    hid.setLeds(data[0]);
                    usb.controlAck();
                } else {
                    usb.controlStall();
                }
            }
        }
    }

    private void dispatch() {
        int requestType = setup[0] & 0xFF;
        int type = requestType & TYPE_MASK;
        if (type == TYPE_STANDARD) {
            standard(requestType, setup[1] & 0xFF);
        } else if (type == TYPE_CLASS && (requestType & RECIPIENT_MASK) == RECIPIENT_INTERFACE
                && (index() & 0xFF) < UsbDescriptors.INTERFACE_COUNT && (index() >>> 8) == 0) {
            hidClass(requestType & DIRECTION_IN, setup[1] & 0xFF, index());
        } else {
            usb.controlStall();
        }
    }

    private void standard(int requestType, int request) {
        int recipient = requestType & RECIPIENT_MASK;
        boolean in = (requestType & DIRECTION_IN) != 0;
        if (request == GET_DESCRIPTOR && in && recipient == RECIPIENT_DEVICE) {
            deviceDescriptor(value() >>> 8, value() & 0xFF);
        } else if (request == GET_DESCRIPTOR && in && recipient == RECIPIENT_INTERFACE) {
            classDescriptor(value() >>> 8, index());
        } else if (request == SET_ADDRESS && !in && recipient == RECIPIENT_DEVICE && value() <= 127) {
            usb.setAddress(value());
            usb.controlAck();
        } else if (request == SET_CONFIGURATION && !in && recipient == RECIPIENT_DEVICE
                && (value() == 0 || value() == UsbDescriptors.CONFIGURATION_VALUE)) {
            hid.configure(value());
            usb.controlAck();
        } else if (request == GET_CONFIGURATION && in && recipient == RECIPIENT_DEVICE) {
            data[0] = (byte) hid.configuration();
            reply(data, 0, 1);
        } else if (request == GET_STATUS && in) {
            data[0] = 0; // bus powered, no remote wake-up, no halted endpoint (§9.4.5)
            data[1] = 0;
            reply(data, 0, 2);
        } else if (request == CLEAR_FEATURE && !in && recipient == RECIPIENT_ENDPOINT
                && value() == FEATURE_ENDPOINT_HALT) {
            usb.controlAck(); // interrupt endpoints never halt here, so there is nothing to clear
        } else if (request == GET_INTERFACE && in && recipient == RECIPIENT_INTERFACE && hid.configuration() != 0
                && index() < UsbDescriptors.INTERFACE_COUNT) {
            data[0] = 0;
            reply(data, 0, 1);
        } else if (request == SET_INTERFACE && !in && recipient == RECIPIENT_INTERFACE && value() == 0
                && index() < UsbDescriptors.INTERFACE_COUNT) {
            usb.controlAck();
        } else {
            usb.controlStall();
        }
    }

    private void deviceDescriptor(int descriptorType, int descriptorIndex) {
        if (descriptorType == DESCRIPTOR_DEVICE && descriptorIndex == 0) {
            reply(UsbDescriptors.DEVICE, 0, UsbDescriptors.DEVICE.length);
        } else if (descriptorType == DESCRIPTOR_CONFIGURATION && descriptorIndex == 0) {
            reply(UsbDescriptors.CONFIGURATION, 0, UsbDescriptors.CONFIGURATION.length);
        } else if (descriptorType == DESCRIPTOR_STRING) {
            string(descriptorIndex);
        } else {
            usb.controlStall(); // includes DEVICE_QUALIFIER: a full-speed-only device has none (§9.6.2)
        }
    }

    private void string(int stringIndex) {
        switch (stringIndex) {
            case UsbDescriptors.STRING_LANGUAGES:
                reply(UsbDescriptors.LANGUAGES, 0, UsbDescriptors.LANGUAGES.length);
                break;
            case UsbDescriptors.STRING_MANUFACTURER:
                reply(UsbDescriptors.MANUFACTURER, 0, UsbDescriptors.MANUFACTURER.length);
                break;
            case UsbDescriptors.STRING_PRODUCT:
                reply(UsbDescriptors.PRODUCT, 0, UsbDescriptors.PRODUCT.length);
                break;
            case UsbDescriptors.STRING_SERIAL:
                reply(serial, 0, serial.length);
                break;
            default:
                usb.controlStall();
        }
    }

    /** GET_DESCRIPTOR to an interface: its HID descriptor (0x21) or report descriptor (0x22). */
    private void classDescriptor(int descriptorType, int iface) {
        byte[] reportDescriptor = UsbDescriptors.reportDescriptor(iface);
        if (reportDescriptor == null) {
            usb.controlStall();
        } else if (descriptorType == DESCRIPTOR_HID) {
            reply(UsbDescriptors.CONFIGURATION, UsbDescriptors.hidDescriptorOffset(iface),
                    UsbDescriptors.HID_DESCRIPTOR_LENGTH);
        } else if (descriptorType == DESCRIPTOR_REPORT) {
            reply(reportDescriptor, 0, reportDescriptor.length);
        } else {
            usb.controlStall();
        }
    }

    private void hidClass(int directionIn, int request, int iface) {
        int reportType = value() >>> 8;
        int reportId = value() & 0xFF;
        boolean bootCapable = iface == UsbHid.KEYBOARD || iface == UsbHid.MOUSE;
        boolean in = directionIn != 0;
        if (request == GET_REPORT && in && reportId == 0 && reportType == REPORT_TYPE_INPUT) {
            reply(data, 0, hid.currentReport(iface, data, 0));
        } else if (request == GET_REPORT && in && reportId == 0 && reportType == REPORT_TYPE_OUTPUT
                && iface == UsbHid.KEYBOARD) {
            data[0] = (byte) hid.leds();
            reply(data, 0, 1);
        } else if (request == SET_REPORT && !in && reportId == 0 && reportType == REPORT_TYPE_OUTPUT
                && iface == UsbHid.KEYBOARD && length() >= 1) {
            pendingOutInterface = iface;
            pendingOutLength = length();
        } else if (request == GET_IDLE && in && reportId == 0) {
            data[0] = (byte) hid.idleRate(iface);
            reply(data, 0, 1);
        } else if (request == SET_IDLE && !in && reportId == 0) {
            hid.setIdle(iface, value() >>> 8);
            usb.controlAck();
        } else if (request == GET_PROTOCOL && in && bootCapable) {
            data[0] = (byte) hid.protocol(iface);
            reply(data, 0, 1);
        } else if (request == SET_PROTOCOL && !in && bootCapable
                && (value() == UsbHid.PROTOCOL_BOOT || value() == UsbHid.PROTOCOL_REPORT)) {
            hid.setProtocol(iface, value());
            usb.controlAck();
        } else {
            usb.controlStall(); // SET/GET_PROTOCOL exist only on boot interfaces (HID 1.11 §7.2.5)
        }
    }

    /** Sends {@code len} bytes, or fewer when the host asked for fewer (wLength). */
    private void reply(byte[] source, int off, int len) {
        usb.controlIn(source, off, Math.min(len, length()));
    }

    private int value() {
        return (setup[2] & 0xFF) | (setup[3] & 0xFF) << 8;
    }

    private int index() {
        return (setup[4] & 0xFF) | (setup[5] & 0xFF) << 8;
    }

    private int length() {
        return (setup[6] & 0xFF) | (setup[7] & 0xFF) << 8;
    }
}
