package org.skvmoip.server.module;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.skvmoip.sim.usb.DeviceDescription.HidInterface;
import org.skvmoip.sim.usb.UsbHostModel;

/**
 * Every boot keyboard report the target's USB host takes from the module, as hex text
 * ("00 00 04 00 00 00 00 00"), so an assertion failure shows the bytes.
 */
public final class KeyboardReports {

    public static final String RELEASED = "00 00 00 00 00 00 00 00";

    private final List<String> reports = new ArrayList<>();
    private final int keyboard;

    KeyboardReports(UsbHostModel host) {
        this.keyboard = host.description().interfaces().stream().filter(HidInterface::isBootKeyboard).findFirst()
                .orElseThrow(() -> new AssertionError("the target's USB host found no boot keyboard")).number();
        host.onRawReport(this::record);
    }

    private synchronized void record(int iface, byte[] report) {
        if (iface == keyboard) {
            reports.add(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(report));
        }
    }

    public synchronized List<String> all() {
        return List.copyOf(reports);
    }

    public synchronized String last() {
        return reports.isEmpty() ? RELEASED : reports.get(reports.size() - 1);
    }

    public void awaitLast(String expected) throws InterruptedException {
        Poll.until("the keyboard's last report to be " + expected, () -> expected.equals(last()), this::all);
    }
}
