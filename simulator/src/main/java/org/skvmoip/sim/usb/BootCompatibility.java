package org.skvmoip.sim.usb;

/**
 * HID 1.11 Appendix B: a boot interface's report descriptor must describe, in its first bytes,
 * exactly the boot report, so that one device serves both a BIOS and an OS. Checked field by
 * field on the parsed layout.
 */
final class BootCompatibility {

    private static final int KEYBOARD = ReportDecoder.PAGE_KEYBOARD << 16;
    private static final int BUTTON = ReportDecoder.PAGE_BUTTON << 16;
    private static final int DESKTOP = ReportDecoder.PAGE_GENERIC_DESKTOP << 16;

    private BootCompatibility() {
    }

    static void checkKeyboard(ReportLayout layout, int iface) {
        require(layout.usesReportIds() == false, iface, "a boot keyboard report has no report ID");
        ReportField modifiers = inputAt(layout, 0, iface);
        require(modifiers.isVariable() && modifiers.size() == 1 && modifiers.count() == 8
                && modifiers.usageMinimum() == (KEYBOARD | 0xE0) && modifiers.usageMaximum() == (KEYBOARD | 0xE7),
                iface, "byte 0 must be the 8 modifier bits 0xE0..0xE7");
        ReportField keys = inputAt(layout, 16, iface);
        require(!keys.isVariable() && keys.size() == 8 && keys.count() == 6
                && ReportField.page(keys.usageMinimum()) == ReportDecoder.PAGE_KEYBOARD,
                iface, "bytes 2..7 must be an array of six 8-bit Keyboard page usages");
        require(layout.inputLength(0) == 8, iface, "the boot keyboard input report is 8 bytes");
    }

    static void checkMouse(ReportLayout layout, int iface) {
        require(layout.usesReportIds() == false, iface, "a boot mouse report has no report ID");
        ReportField buttons = inputAt(layout, 0, iface);
        require(buttons.isVariable() && buttons.size() == 1 && buttons.usageMinimum() == (BUTTON | 1)
                && buttons.count() >= 3 && buttons.count() <= 8, iface, "byte 0 must start with button bits 1..3");
        ReportField x = inputAt(layout, 8, iface);
        require(x.isVariable() && x.isRelative() && x.size() == 8 && x.variableUsage(0) == (DESKTOP | 0x30)
                && x.variableUsage(1) == (DESKTOP | 0x31), iface, "bytes 1 and 2 must be relative 8-bit X and Y");
    }

    private static ReportField inputAt(ReportLayout layout, int bit, int iface) {
        return layout.inputs().stream().filter(f -> f.bitOffset() == bit).findFirst().orElseThrow(
                () -> new DescriptorException("boot interface " + iface + ": no input field starts at bit " + bit));
    }

    private static void require(boolean ok, int iface, String rule) {
        if (!ok) {
            throw new DescriptorException("boot interface " + iface + " does not match HID 1.11 Appendix B: " + rule);
        }
    }
}
