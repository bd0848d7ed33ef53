package org.skvmoip.sim.usb;

import java.util.List;

/**
 * A parsed report descriptor: its fields in order, the application collection's usage
 * (Generic Desktop Keyboard, Mouse...) and whether reports carry a report ID byte.
 */
public record ReportLayout(List<ReportField> fields, int applicationUsage, boolean usesReportIds) {

    /** Bytes of the input report {@code reportId} (0 without IDs), the ID byte not included. */
    public int inputLength(int reportId) {
        return bits(ReportField.Kind.INPUT, reportId) / 8;
    }

    public int outputLength(int reportId) {
        return bits(ReportField.Kind.OUTPUT, reportId) / 8;
    }

    public List<ReportField> inputs() {
        return fields.stream().filter(f -> f.kind() == ReportField.Kind.INPUT).toList();
    }

    /** Whether any output field carries a usage on {@code page} (LED page 0x08 for a keyboard). */
    public boolean hasOutputOnPage(int page) {
        return fields.stream().anyMatch(f -> f.kind() == ReportField.Kind.OUTPUT && !f.isConstant()
                && ReportField.page(f.usageMinimum() != 0 ? f.usageMinimum() : f.variableUsage(0)) == page);
    }

    private int bits(ReportField.Kind kind, int reportId) {
        int end = 0;
        for (ReportField f : fields) {
            if (f.kind() == kind && f.reportId() == reportId) {
                end = Math.max(end, f.bitOffset() + f.size() * f.count());
            }
        }
        return end;
    }
}
