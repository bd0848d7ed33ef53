package org.skvmoip.sim.usb;

import java.util.ArrayList;
import java.util.List;

import org.skvmoip.firmware.hid.UsbHid;

/**
 * The firmware's {@link UsbHid} on a {@link SimUsbDevice}, driven in lock-step by the host
 * model: each frame the firmware polls once at the next millisecond, then the host polls its
 * endpoints. Records decoded events and raw reports.
 */
final class HidRig {

    static final byte[] UNIQUE_ID = HexBytes.parse("00 11 22 33 44 55 66 77 88 99 AA BB");

    final SimUsbDevice device = new SimUsbDevice();
    final UsbHid hid = new UsbHid(device, UNIQUE_ID);
    final RecordingListener events = new RecordingListener();
    /** "interface:[bytes]@millis" per report the host took. */
    final List<String> raw = new ArrayList<>();
    final List<Long> rawTimes = new ArrayList<>();
    final UsbHostModel host;
    long now;

    HidRig() {
        host = new UsbHostModel(device, events, () -> hid.poll(++now));
        host.onRawReport((iface, report) -> {
            raw.add(iface + ":" + HexBytes.of(report));
            rawTimes.add(now);
        });
    }

    HidRig enumerated(HidProtocol protocol) {
        host.enumerate(protocol);
        frames(2);
        events.clear();
        raw.clear();
        rawTimes.clear();
        return this;
    }

    void frames(int n) {
        for (int i = 0; i < n; i++) {
            host.pollOnce();
        }
    }

    /** Raw reports from one interface, bytes only. */
    List<String> rawOf(int iface) {
        return raw.stream().filter(r -> r.startsWith(iface + ":")).map(r -> r.substring(2)).toList();
    }

    ControlOutcome control(int requestType, int request, int value, int index, int length) {
        return host.control(requestType, request, value, index, length, null);
    }

    /** Records events as short strings: "down 04", "up E1", "rel 5 -3 b0 w0 p0", "abs 100 200 b1 w0 p0". */
    static final class RecordingListener implements HostInputListener {
        final List<String> log = new ArrayList<>();

        @Override
        public void keyDown(int usage) {
            log.add("down %02X".formatted(usage));
        }

        @Override
        public void keyUp(int usage) {
            log.add("up %02X".formatted(usage));
        }

        @Override
        public void pointerRelative(int dx, int dy, int buttons, int wheel, int pan) {
            log.add("rel %d %d b%d w%d p%d".formatted(dx, dy, buttons, wheel, pan));
        }

        @Override
        public void pointerAbsolute(int x, int y, int buttons, int wheel, int pan) {
            log.add("abs %d %d b%d w%d p%d".formatted(x, y, buttons, wheel, pan));
        }

        void clear() {
            log.clear();
        }
    }
}
