package org.skvmoip.sim.usb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a report descriptor item by item as a host's HID parser does (HID 1.11 §5.2-§6.2.2):
 * short items (prefix: size code bits 0-1, type bits 2-3, tag bits 4-7), the global state table
 * with Push/Pop, local state cleared after every main item, collections that must balance.
 * Anything a host would trip on (an item running past the end, a long item, an unknown tag, a
 * maximum below its minimum, an unclosed collection) is a {@link DescriptorException} naming the
 * byte offset.
 */
public final class ReportDescriptorParser {

    private static final int TYPE_MAIN = 0;
    private static final int TYPE_GLOBAL = 1;
    private static final int TYPE_LOCAL = 2;
    private static final int LONG_ITEM_PREFIX = 0xFE;
    private static final int COLLECTION_APPLICATION = 1;

    private final byte[] bytes;
    private final List<ReportField> fields = new ArrayList<>();
    private final Map<String, Integer> nextBit = new HashMap<>();
    private final Deque<Globals> pushed = new ArrayDeque<>();
    private Globals globals = new Globals();
    // local state: usages as (size 4 ? extended : id resolved against the page at the main item)
    private final List<long[]> localUsages = new ArrayList<>();
    private long[] usageMinimum;
    private long[] usageMaximum;
    private int depth;
    private int applicationUsage;
    private boolean usesReportIds;
    private int offset;

    private ReportDescriptorParser(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ReportLayout parse(byte[] descriptor) {
        return new ReportDescriptorParser(descriptor).run();
    }

    private ReportLayout run() {
        if (bytes.length == 0) {
            throw new DescriptorException("report descriptor is empty");
        }
        while (offset < bytes.length) {
            int prefix = bytes[offset] & 0xFF;
            if (prefix == LONG_ITEM_PREFIX) {
                throw error("long item (0xFE): no standard item is long, this host does not accept them");
            }
            int size = (prefix & 3) == 3 ? 4 : prefix & 3;
            if (offset + 1 + size > bytes.length) {
                throw error("item 0x%02X needs %d data bytes but only %d remain", prefix, size,
                        bytes.length - offset - 1);
            }
            int unsigned = 0;
            for (int i = 0; i < size; i++) {
                unsigned |= (bytes[offset + 1 + i] & 0xFF) << (8 * i);
            }
            int signed = size == 1 ? (byte) unsigned : size == 2 ? (short) unsigned : unsigned;
            int type = (prefix >> 2) & 3;
            int tag = prefix >> 4;
            switch (type) {
                case TYPE_MAIN -> main(tag, unsigned);
                case TYPE_GLOBAL -> global(tag, unsigned, signed);
                case TYPE_LOCAL -> local(tag, unsigned, size);
                default -> throw error("item 0x%02X has the reserved type 3", prefix);
            }
            offset += 1 + size;
        }
        if (depth != 0) {
            throw new DescriptorException("report descriptor ends with " + depth + " collection(s) still open");
        }
        if (!pushed.isEmpty()) {
            throw new DescriptorException("report descriptor ends with " + pushed.size() + " Push without Pop");
        }
        return new ReportLayout(List.copyOf(fields), applicationUsage, usesReportIds);
    }

    private void main(int tag, int data) {
        switch (tag) {
            case 0x8 -> field(ReportField.Kind.INPUT, data);
            case 0x9 -> field(ReportField.Kind.OUTPUT, data);
            case 0xB -> field(ReportField.Kind.FEATURE, data);
            case 0xA -> {
                if (depth == 0 && data == COLLECTION_APPLICATION && !localUsages.isEmpty()) {
                    applicationUsage = (int) resolve(localUsages.get(0));
                }
                depth++;
            }
            case 0xC -> {
                if (depth == 0) {
                    throw error("End Collection without an open collection");
                }
                depth--;
            }
            default -> throw error("unknown main item tag 0x%X", tag);
        }
        clearLocals();
    }

    private void field(ReportField.Kind kind, int flags) {
        if (depth == 0) {
            throw error("%s item outside any collection", kind);
        }
        if (globals.reportSize <= 0 || globals.reportSize > 32) {
            throw error("%s item with Report Size %d (must be set, 1..32 bits)", kind, globals.reportSize);
        }
        if (globals.reportCount <= 0) {
            throw error("%s item with Report Count %d (must be set and positive)", kind, globals.reportCount);
        }
        boolean constant = (flags & ReportField.CONSTANT) != 0;
        if (!constant && globals.logicalMaximum < globals.logicalMinimum) {
            throw error("%s item with Logical Maximum %d below Logical Minimum %d", kind, globals.logicalMaximum,
                    globals.logicalMinimum);
        }
        if ((usageMinimum == null) != (usageMaximum == null)) {
            throw error("Usage Minimum and Usage Maximum must come in pairs");
        }
        int min = usageMinimum == null ? 0 : (int) resolve(usageMinimum);
        int max = usageMaximum == null ? 0 : (int) resolve(usageMaximum);
        if (max < min) {
            throw error("Usage Maximum 0x%X below Usage Minimum 0x%X", max, min);
        }
        if (!constant && (flags & ReportField.VARIABLE) == 0 && usageMinimum == null) {
            throw error("array %s item without a usage range", kind);
        }
        List<Integer> usages = localUsages.stream().map(u -> (int) resolve(u)).toList();
        String key = kind + "/" + globals.reportId;
        int bit = nextBit.getOrDefault(key, 0);
        fields.add(new ReportField(kind, globals.reportId, bit, globals.reportSize, globals.reportCount, usages, min,
                max, globals.logicalMinimum, globals.logicalMaximum, flags));
        nextBit.put(key, bit + globals.reportSize * globals.reportCount);
    }

    private void global(int tag, int unsigned, int signed) {
        switch (tag) {
            case 0x0 -> globals.usagePage = unsigned;
            case 0x1 -> globals.logicalMinimum = signed;
            case 0x2 -> globals.logicalMaximum = signed;
            case 0x3, 0x4, 0x5, 0x6 -> { } // physical extents and units: not needed to decode
            case 0x7 -> globals.reportSize = unsigned;
            case 0x8 -> {
                if (unsigned == 0 || unsigned > 255) {
                    throw error("Report ID %d (must be 1..255)", unsigned);
                }
                globals.reportId = unsigned;
                usesReportIds = true;
            }
            case 0x9 -> globals.reportCount = unsigned;
            case 0xA -> pushed.push(globals.copy());
            case 0xB -> {
                if (pushed.isEmpty()) {
                    throw error("Pop without Push");
                }
                globals = pushed.pop();
            }
            default -> throw error("unknown global item tag 0x%X", tag);
        }
    }

    private void local(int tag, int unsigned, int size) {
        long[] usage = {unsigned, size};
        switch (tag) {
            case 0x0 -> localUsages.add(usage);
            case 0x1 -> usageMinimum = usage;
            case 0x2 -> usageMaximum = usage;
            case 0x3, 0x4, 0x5, 0x7, 0x8, 0x9, 0xA -> { } // designators, strings, delimiters: not needed
            default -> throw error("unknown local item tag 0x%X", tag);
        }
    }

    /** A 4-byte usage carries its page; a shorter one takes the current Usage Page (§6.2.2.8). */
    private long resolve(long[] usage) {
        return usage[1] == 4 ? usage[0] & 0xFFFFFFFFL : ((long) globals.usagePage << 16) | usage[0];
    }

    private void clearLocals() {
        localUsages.clear();
        usageMinimum = null;
        usageMaximum = null;
    }

    private DescriptorException error(String format, Object... args) {
        return new DescriptorException("report descriptor byte " + offset + ": " + String.format(format, args));
    }

    private static final class Globals {
        int usagePage;
        int logicalMinimum;
        int logicalMaximum;
        int reportSize;
        int reportId;
        int reportCount;

        Globals copy() {
            Globals c = new Globals();
            c.usagePage = usagePage;
            c.logicalMinimum = logicalMinimum;
            c.logicalMaximum = logicalMaximum;
            c.reportSize = reportSize;
            c.reportId = reportId;
            c.reportCount = reportCount;
            return c;
        }
    }
}
