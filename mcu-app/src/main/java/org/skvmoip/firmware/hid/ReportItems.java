package org.skvmoip.firmware.hid;

/**
 * Report descriptor short items (HID 1.11 §6.2.2.2): a prefix byte {@code tag << 4 | type << 2 |
 * size code} followed by 0, 1, 2 or 4 little-endian data bytes. Each helper picks the shortest
 * size that holds its value; signed items (logical extents) are sign-extended by the reader, so
 * 255 takes two bytes ({@code 26 FF 00}) where a careless descriptor writes {@code 25 FF} (-1).
 * Used only while the descriptor constants are built, at class initialisation.
 */
final class ReportItems {

    static final int TYPE_MAIN = 0;
    static final int TYPE_GLOBAL = 1;
    static final int TYPE_LOCAL = 2;

    // Main item tags (HID 1.11 §6.2.2.4)
    static final int TAG_INPUT = 0x8;
    static final int TAG_OUTPUT = 0x9;
    static final int TAG_COLLECTION = 0xA;
    static final int TAG_END_COLLECTION = 0xC;
    // Global item tags (§6.2.2.7)
    static final int TAG_USAGE_PAGE = 0x0;
    static final int TAG_LOGICAL_MINIMUM = 0x1;
    static final int TAG_LOGICAL_MAXIMUM = 0x2;
    static final int TAG_REPORT_SIZE = 0x7;
    static final int TAG_REPORT_COUNT = 0x9;
    // Local item tags (§6.2.2.8)
    static final int TAG_USAGE = 0x0;
    static final int TAG_USAGE_MINIMUM = 0x1;
    static final int TAG_USAGE_MAXIMUM = 0x2;

    // Input/Output item bits (§6.2.2.5)
    static final int DATA = 0x00;
    static final int CONSTANT = 0x01;
    static final int ARRAY = 0x00;
    static final int VARIABLE = 0x02;
    static final int ABSOLUTE = 0x00;
    static final int RELATIVE = 0x04;

    // Collection types (§6.2.2.6)
    static final int PHYSICAL = 0x00;
    static final int APPLICATION = 0x01;

    private ReportItems() {
    }

    static byte[] usagePage(int page) {
        return unsigned(TYPE_GLOBAL, TAG_USAGE_PAGE, page);
    }

    static byte[] usage(int usage) {
        return unsigned(TYPE_LOCAL, TAG_USAGE, usage);
    }

    static byte[] usageMinimum(int usage) {
        return unsigned(TYPE_LOCAL, TAG_USAGE_MINIMUM, usage);
    }

    static byte[] usageMaximum(int usage) {
        return unsigned(TYPE_LOCAL, TAG_USAGE_MAXIMUM, usage);
    }

    static byte[] logicalMinimum(int value) {
        return signed(TYPE_GLOBAL, TAG_LOGICAL_MINIMUM, value);
    }

    static byte[] logicalMaximum(int value) {
        return signed(TYPE_GLOBAL, TAG_LOGICAL_MAXIMUM, value);
    }

    static byte[] reportSize(int bits) {
        return unsigned(TYPE_GLOBAL, TAG_REPORT_SIZE, bits);
    }

    static byte[] reportCount(int count) {
        return unsigned(TYPE_GLOBAL, TAG_REPORT_COUNT, count);
    }

    static byte[] input(int flags) {
        return unsigned(TYPE_MAIN, TAG_INPUT, flags);
    }

    static byte[] output(int flags) {
        return unsigned(TYPE_MAIN, TAG_OUTPUT, flags);
    }

    static byte[] collection(int kind) {
        return unsigned(TYPE_MAIN, TAG_COLLECTION, kind);
    }

    static byte[] endCollection() {
        return item(TYPE_MAIN, TAG_END_COLLECTION, 0, 0);
    }

    /** The items one after another, as one descriptor. */
    static byte[] join(byte[][] parts) {
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            length += parts[i].length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, out, at, parts[i].length);
            at += parts[i].length;
        }
        return out;
    }

    private static byte[] unsigned(int type, int tag, int value) {
        int size = (value & 0xFFFFFF00) == 0 ? 1 : (value & 0xFFFF0000) == 0 ? 2 : 4;
        return item(type, tag, value, size);
    }

    private static byte[] signed(int type, int tag, int value) {
        int size = value == (byte) value ? 1 : value == (short) value ? 2 : 4;
        return item(type, tag, value, size);
    }

    private static byte[] item(int type, int tag, int value, int size) {
        int sizeCode = size == 4 ? 3 : size;
        byte[] out = new byte[1 + size];
        out[0] = (byte) (tag << 4 | type << 2 | sizeCode);
        for (int i = 0; i < size; i++) {
            out[1 + i] = (byte) (value >>> (8 * i));
        }
        return out;
    }
}
