package org.skvmoip.sim.usb;

/**
 * The fixed boot-protocol report layouts a BIOS assumes without reading any report descriptor
 * (HID 1.11 Appendix B), written here as the equivalent descriptors (the host's own copy, so a
 * device that got its boot layout wrong is caught): keyboard B.1, 8 bytes; mouse B.2, 3 bytes,
 * three buttons, the rest of byte 0 device-specific and ignored.
 */
public final class BootLayouts {

    public static final ReportLayout KEYBOARD = ReportDescriptorParser.parse(HexBytes.parse(
            "05 01 09 06 A1 01"                      // Generic Desktop, Keyboard, Application
            + " 05 07 19 E0 29 E7 15 00 25 01 75 01 95 08 81 02" // modifier bits
            + " 95 01 75 08 81 01"                   // reserved byte
            + " 95 06 75 08 15 00 26 FF 00 05 07 19 00 2A FF 00 81 00" // six key slots
            + " C0"));

    public static final ReportLayout MOUSE = ReportDescriptorParser.parse(HexBytes.parse(
            "05 01 09 02 A1 01 09 01 A1 00"          // Generic Desktop, Mouse, Pointer
            + " 05 09 19 01 29 03 15 00 25 01 95 03 75 01 81 02" // buttons 1..3
            + " 95 01 75 05 81 01"                   // device-specific bits
            + " 05 01 09 30 09 31 15 81 25 7F 75 08 95 02 81 06" // X, Y relative
            + " C0 C0"));

    private BootLayouts() {
    }
}
