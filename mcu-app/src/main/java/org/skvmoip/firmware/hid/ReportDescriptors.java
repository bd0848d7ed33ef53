package org.skvmoip.firmware.hid;

import static org.skvmoip.firmware.hid.ReportItems.ABSOLUTE;
import static org.skvmoip.firmware.hid.ReportItems.APPLICATION;
import static org.skvmoip.firmware.hid.ReportItems.ARRAY;
import static org.skvmoip.firmware.hid.ReportItems.CONSTANT;
import static org.skvmoip.firmware.hid.ReportItems.DATA;
import static org.skvmoip.firmware.hid.ReportItems.PHYSICAL;
import static org.skvmoip.firmware.hid.ReportItems.RELATIVE;
import static org.skvmoip.firmware.hid.ReportItems.VARIABLE;
import static org.skvmoip.firmware.hid.ReportItems.collection;
import static org.skvmoip.firmware.hid.ReportItems.endCollection;
import static org.skvmoip.firmware.hid.ReportItems.input;
import static org.skvmoip.firmware.hid.ReportItems.join;
import static org.skvmoip.firmware.hid.ReportItems.logicalMaximum;
import static org.skvmoip.firmware.hid.ReportItems.logicalMinimum;
import static org.skvmoip.firmware.hid.ReportItems.output;
import static org.skvmoip.firmware.hid.ReportItems.reportCount;
import static org.skvmoip.firmware.hid.ReportItems.reportSize;
import static org.skvmoip.firmware.hid.ReportItems.usage;
import static org.skvmoip.firmware.hid.ReportItems.usageMaximum;
import static org.skvmoip.firmware.hid.ReportItems.usageMinimum;
import static org.skvmoip.firmware.hid.ReportItems.usagePage;

/**
 * The three report descriptors, one per interface, each the one place its report layout is
 * defined; {@link KeyboardReport}, {@link MouseReport} and {@link PointerReport} write bytes in
 * exactly this order. None uses report IDs, so each interface has a single input report.
 * Usages from the HID Usage Tables 1.12: Generic Desktop (page 0x01: Pointer 0x01, Mouse 0x02,
 * Keyboard 0x06, X 0x30, Y 0x31, Wheel 0x38), Keyboard/Keypad (0x07), LED (0x08: Num Lock 1 ..
 * Kana 5), Button (0x09), Consumer (0x0C: AC Pan 0x238).
 *
 * <p>The keyboard and mouse descriptors begin with the boot layouts of HID 1.11 Appendix B, so a
 * host in report protocol and a BIOS in boot protocol read the same leading bytes.
 */
final class ReportDescriptors {

    static final int PAGE_GENERIC_DESKTOP = 0x01;
    static final int PAGE_KEYBOARD = 0x07;
    static final int PAGE_LED = 0x08;
    static final int PAGE_BUTTON = 0x09;
    static final int PAGE_CONSUMER = 0x0C;

    static final int USAGE_POINTER = 0x01;
    static final int USAGE_MOUSE = 0x02;
    static final int USAGE_KEYBOARD = 0x06;
    static final int USAGE_X = 0x30;
    static final int USAGE_Y = 0x31;
    static final int USAGE_WHEEL = 0x38;
    static final int USAGE_AC_PAN = 0x238;

    /** Boot keyboard (Appendix B.1): modifiers, reserved byte, 6-key array in; 5 LEDs out. */
    static final byte[] KEYBOARD = join(new byte[][] {
        usagePage(PAGE_GENERIC_DESKTOP), usage(USAGE_KEYBOARD), collection(APPLICATION),
            usagePage(PAGE_KEYBOARD), usageMinimum(0xE0), usageMaximum(0xE7),
            logicalMinimum(0), logicalMaximum(1), reportSize(1), reportCount(8),
            input(DATA | VARIABLE | ABSOLUTE),
            reportSize(8), reportCount(1), input(CONSTANT),
            usagePage(PAGE_LED), usageMinimum(1), usageMaximum(5),
            reportSize(1), reportCount(5), output(DATA | VARIABLE | ABSOLUTE),
            reportSize(3), reportCount(1), output(CONSTANT),
            usagePage(PAGE_KEYBOARD), usageMinimum(0), usageMaximum(0xFF),
            logicalMinimum(0), logicalMaximum(0xFF), reportSize(8), reportCount(6),
            input(DATA | ARRAY | ABSOLUTE),
        endCollection(),
    });

    /** Boot mouse (Appendix B.2) then wheel and AC Pan: 5 buttons, X, Y, wheel, pan. */
    static final byte[] MOUSE = join(new byte[][] {
        usagePage(PAGE_GENERIC_DESKTOP), usage(USAGE_MOUSE), collection(APPLICATION),
            usage(USAGE_POINTER), collection(PHYSICAL),
                buttons(),
                usagePage(PAGE_GENERIC_DESKTOP), usage(USAGE_X), usage(USAGE_Y), usage(USAGE_WHEEL),
                logicalMinimum(-127), logicalMaximum(127), reportSize(8), reportCount(3),
                input(DATA | VARIABLE | RELATIVE),
                usagePage(PAGE_CONSUMER), usage(USAGE_AC_PAN), reportCount(1),
                input(DATA | VARIABLE | RELATIVE),
            endCollection(),
        endCollection(),
    });

    /** Absolute pointer: 5 buttons, X and Y 0..32767 in 16 bits, then relative wheel and pan. */
    static final byte[] POINTER = join(new byte[][] {
        usagePage(PAGE_GENERIC_DESKTOP), usage(USAGE_MOUSE), collection(APPLICATION),
            usage(USAGE_POINTER), collection(PHYSICAL),
                buttons(),
                usagePage(PAGE_GENERIC_DESKTOP), usage(USAGE_X), usage(USAGE_Y),
                logicalMinimum(0), logicalMaximum(PointerReport.MAX_COORDINATE), reportSize(16), reportCount(2),
                input(DATA | VARIABLE | ABSOLUTE),
                usage(USAGE_WHEEL), logicalMinimum(-127), logicalMaximum(127), reportSize(8), reportCount(1),
                input(DATA | VARIABLE | RELATIVE),
                usagePage(PAGE_CONSUMER), usage(USAGE_AC_PAN), input(DATA | VARIABLE | RELATIVE),
            endCollection(),
        endCollection(),
    });

    private ReportDescriptors() {
    }

    /** Buttons 1..5 as bits, padded to a byte: the first byte of both pointer reports. */
    private static byte[] buttons() {
        return join(new byte[][] {
            usagePage(PAGE_BUTTON), usageMinimum(1), usageMaximum(5),
            logicalMinimum(0), logicalMaximum(1), reportSize(1), reportCount(5),
            input(DATA | VARIABLE | ABSOLUTE),
            reportSize(3), reportCount(1), input(CONSTANT),
        });
    }
}
