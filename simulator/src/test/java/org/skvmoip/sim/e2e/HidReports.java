package org.skvmoip.sim.e2e;

import java.util.ArrayList;
import java.util.List;

import org.skvmoip.sim.usb.DeviceDescription.HidInterface;
import org.skvmoip.sim.usb.UsbHostModel;

/**
 * Every input report the USB host model takes from the module, per interface, as hex text
 * ("[00 00 04 00 00 00 00 00]") so an assertion failure shows the bytes.
 */
final class HidReports {

    private final UsbHostModel host;
    private final List<String> log = new ArrayList<>();

    HidReports(UsbHostModel host) {
        this.host = host;
        host.onRawReport(this::record);
    }

    private synchronized void record(int iface, byte[] report) {
        log.add(iface + ":" + hex(report));
    }

    /** The reports of {@code iface} received so far, oldest first. */
    synchronized List<String> of(int iface) {
        String prefix = iface + ":";
        return log.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length())).toList();
    }

    synchronized String last(int iface) {
        List<String> reports = of(iface);
        return reports.isEmpty() ? null : reports.get(reports.size() - 1);
    }

    synchronized void clear() {
        log.clear();
    }

    int keyboard() {
        return interfaceWhere(HidInterface::isBootKeyboard, "boot keyboard");
    }

    int mouse() {
        return interfaceWhere(HidInterface::isBootMouse, "boot mouse");
    }

    /** The interface that is neither boot keyboard nor boot mouse: the absolute pointer. */
    int pointer() {
        return interfaceWhere(i -> !i.isBoot(), "absolute pointer");
    }

    private int interfaceWhere(java.util.function.Predicate<HidInterface> p, String what) {
        return host.description().interfaces().stream().filter(p).findFirst()
                .orElseThrow(() -> new AssertionError("the host found no " + what + " interface")).number();
    }

    /** Waits until the last report of {@code iface} is {@code expected}. */
    void awaitLast(int iface, String expected) throws InterruptedException {
        Poll.until("interface " + iface + "'s last report to be " + expected, Poll.DEFAULT,
                () -> expected.equals(last(iface)), () -> of(iface));
    }

    /** Waits until {@code iface} has sent at least {@code count} reports. */
    void awaitCount(int iface, int count) throws InterruptedException {
        Poll.until(count + " reports from interface " + iface, Poll.DEFAULT, () -> of(iface).size() >= count,
                () -> of(iface));
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < bytes.length; i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return s.append(']').toString();
    }
}
