package org.skvmoip.sim.usb;

import java.util.Set;
import java.util.TreeSet;

/**
 * Turns input report bytes into a {@link DecodedReport} with a {@link ReportLayout}: fields are
 * read LSB first at their bit offsets (HID 1.11 §5.8, little-endian), sign-extended when the
 * logical minimum is negative, and interpreted by usage: Keyboard page (0x07) keys, Button page
 * (0x09) bits, Generic Desktop X/Y/Wheel (0x30/0x31/0x38) and Consumer AC Pan (0x0C/0x238).
 */
public final class ReportDecoder {

    static final int PAGE_GENERIC_DESKTOP = 0x01;
    static final int PAGE_KEYBOARD = 0x07;
    static final int PAGE_BUTTON = 0x09;
    static final int PAGE_CONSUMER = 0x0C;
    static final int USAGE_X = 0x30;
    static final int USAGE_Y = 0x31;
    static final int USAGE_WHEEL = 0x38;
    static final int USAGE_AC_PAN = 0x238;
    static final int ERROR_ROLL_OVER = 0x01;
    static final int ERROR_UNDEFINED = 0x03;

    private ReportDecoder() {
    }

    /**
     * @throws DescriptorException when the report is shorter than the layout says
     */
    public static DecodedReport decode(ReportLayout layout, byte[] report) {
        int reportId = 0;
        int start = 0;
        if (layout.usesReportIds()) {
            reportId = report[0] & 0xFF;
            start = 8;
        }
        int expected = layout.inputLength(reportId);
        if (report.length * 8 - start < expected * 8) {
            throw new DescriptorException("input report " + HexBytes.of(report) + " is " + report.length
                    + " bytes; its layout needs " + expected);
        }
        Set<Integer> keys = new TreeSet<>();
        boolean rollover = false;
        boolean pointer = false;
        boolean relative = false;
        int buttons = 0;
        int x = 0;
        int y = 0;
        int wheel = 0;
        int pan = 0;
        for (ReportField f : layout.inputs()) {
            if (f.isConstant() || f.reportId() != reportId) {
                continue;
            }
            for (int i = 0; i < f.count(); i++) {
                int value = read(report, start + f.bitOffset() + i * f.size(), f.size(), f.isSigned());
                if (!f.isVariable()) {
                    int usage = f.arrayUsage(value);
                    int id = ReportField.id(usage);
                    if (ReportField.page(usage) == PAGE_KEYBOARD && id >= ERROR_ROLL_OVER && id <= ERROR_UNDEFINED) {
                        rollover = true;
                    } else if (ReportField.page(usage) == PAGE_KEYBOARD && id != 0) {
                        keys.add(id);
                    }
                    continue;
                }
                int usage = f.variableUsage(i);
                int page = ReportField.page(usage);
                int id = ReportField.id(usage);
                if (page == PAGE_KEYBOARD && value != 0) {
                    keys.add(id);
                } else if (page == PAGE_BUTTON && id >= 1 && id <= 32 && value != 0) {
                    buttons |= 1 << (id - 1);
                } else if (page == PAGE_GENERIC_DESKTOP && id == USAGE_X) {
                    x = value;
                    pointer = true;
                    relative = f.isRelative();
                } else if (page == PAGE_GENERIC_DESKTOP && id == USAGE_Y) {
                    y = value;
                } else if (page == PAGE_GENERIC_DESKTOP && id == USAGE_WHEEL) {
                    wheel = value;
                } else if (page == PAGE_CONSUMER && id == USAGE_AC_PAN) {
                    pan = value;
                }
            }
        }
        return new DecodedReport(keys, rollover, buttons, pointer, relative, x, y, wheel, pan);
    }

    static int read(byte[] report, int bit, int size, boolean signed) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int at = bit + i;
            if ((report[at >> 3] >> (at & 7) & 1) != 0) {
                value |= 1L << i;
            }
        }
        if (signed && size < 64 && (value & (1L << (size - 1))) != 0) {
            value -= 1L << size;
        }
        return (int) value;
    }
}
