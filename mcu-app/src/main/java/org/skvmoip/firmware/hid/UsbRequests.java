package org.skvmoip.firmware.hid;

/**
 * Control request codes and descriptor types: USB 2.0 §9.3 (SETUP layout), §9.4 (standard
 * requests, Tables 9-4 and 9-5) and HID 1.11 §7.1 (class descriptors) and §7.2 (class requests).
 */
final class UsbRequests {

    // bmRequestType (USB 2.0 Table 9-2)
    static final int DIRECTION_IN = 0x80;
    static final int TYPE_MASK = 0x60;
    static final int TYPE_STANDARD = 0x00;
    static final int TYPE_CLASS = 0x20;
    static final int RECIPIENT_MASK = 0x1F;
    static final int RECIPIENT_DEVICE = 0;
    static final int RECIPIENT_INTERFACE = 1;
    static final int RECIPIENT_ENDPOINT = 2;

    // bRequest, standard (USB 2.0 Table 9-4)
    static final int GET_STATUS = 0;
    static final int CLEAR_FEATURE = 1;
    static final int SET_FEATURE = 3;
    static final int SET_ADDRESS = 5;
    static final int GET_DESCRIPTOR = 6;
    static final int GET_CONFIGURATION = 8;
    static final int SET_CONFIGURATION = 9;
    static final int GET_INTERFACE = 10;
    static final int SET_INTERFACE = 11;

    // bRequest, HID class (HID 1.11 §7.2)
    static final int GET_REPORT = 0x01;
    static final int GET_IDLE = 0x02;
    static final int GET_PROTOCOL = 0x03;
    static final int SET_REPORT = 0x09;
    static final int SET_IDLE = 0x0A;
    static final int SET_PROTOCOL = 0x0B;

    // Descriptor types (USB 2.0 Table 9-5, HID 1.11 §7.1)
    static final int DESCRIPTOR_DEVICE = 1;
    static final int DESCRIPTOR_CONFIGURATION = 2;
    static final int DESCRIPTOR_STRING = 3;
    static final int DESCRIPTOR_INTERFACE = 4;
    static final int DESCRIPTOR_ENDPOINT = 5;
    static final int DESCRIPTOR_HID = 0x21;
    static final int DESCRIPTOR_REPORT = 0x22;

    // Report types in GET_REPORT / SET_REPORT wValue's high byte (HID 1.11 §7.2.1)
    static final int REPORT_TYPE_INPUT = 1;
    static final int REPORT_TYPE_OUTPUT = 2;

    private UsbRequests() {
    }
}
