package org.skvmoip.sim.usb;

import java.util.List;

/**
 * One main item's data as the host sees it after parsing (HID 1.11 §6.2.2.5): {@code count}
 * values of {@code size} bits starting at {@code bitOffset} in report {@code reportId}.
 * Usages are extended (page << 16 | id). A variable field has one usage per value (the last one
 * repeating, §6.2.2.8) or a usage range; an array field's values select a usage from
 * {@code usageMinimum} (value = logical minimum) upwards.
 */
public record ReportField(Kind kind, int reportId, int bitOffset, int size, int count, List<Integer> usages,
        int usageMinimum, int usageMaximum, int logicalMinimum, int logicalMaximum, int flags) {

    public enum Kind { INPUT, OUTPUT, FEATURE }

    public static final int CONSTANT = 0x01;
    public static final int VARIABLE = 0x02;
    public static final int RELATIVE = 0x04;

    public boolean isConstant() {
        return (flags & CONSTANT) != 0;
    }

    public boolean isVariable() {
        return (flags & VARIABLE) != 0;
    }

    public boolean isRelative() {
        return (flags & RELATIVE) != 0;
    }

    /** Values are signed when the logical minimum is negative (§6.2.2.7). */
    public boolean isSigned() {
        return logicalMinimum < 0;
    }

    /** The usage of value {@code i} of a variable field, or 0 when it has none. */
    public int variableUsage(int i) {
        if (!usages.isEmpty()) {
            return usages.get(Math.min(i, usages.size() - 1));
        }
        if (usageMinimum != 0 || usageMaximum != 0) {
            int usage = usageMinimum + i;
            return usage <= usageMaximum ? usage : 0;
        }
        return 0;
    }

    /** The usage an array value selects, or 0 when it is out of range (no key). */
    public int arrayUsage(int value) {
        if (value < logicalMinimum || value > logicalMaximum) {
            return 0;
        }
        int usage = usageMinimum + (value - logicalMinimum);
        return usage <= usageMaximum ? usage : 0;
    }

    public static int page(int extendedUsage) {
        return extendedUsage >>> 16;
    }

    public static int id(int extendedUsage) {
        return extendedUsage & 0xFFFF;
    }
}
