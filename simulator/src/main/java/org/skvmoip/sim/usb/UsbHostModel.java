package org.skvmoip.sim.usb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.skvmoip.sim.usb.DeviceDescription.HidInterface;

/**
 * A PC's USB host and HID driver, reaching the device only through the {@link UsbDevicePort
 * cable} (by way of its {@link UsbHostController}): enumerates the device as Windows or Linux
 * does (USB 2.0 §9.1.2: reset, 8 bytes of the device descriptor, SET_ADDRESS, the full
 * descriptors, SET_CONFIGURATION), checks every descriptor structurally,
 * parses each report descriptor item by item, then polls each interrupt IN endpoint at its
 * bInterval and decodes what arrives into key and pointer events for a {@link HostInputListener}.
 *
 * <p>Two ways to run. Lock-step, for tests: construct with a {@code firmwareStep} (one run of the
 * firmware's USB code); each {@link #pollOnce()} is one 1 ms frame that runs the step, then polls;
 * control transfers run the step until the device answers. Live: no step; {@link #start()} ticks
 * a thread every millisecond and control transfers wait for the firmware's own thread.
 */
public final class UsbHostModel implements AutoCloseable {

    /** How many bus resets the host tries before it gives up on a device that does not answer. */
    public static final int RESET_ATTEMPTS = 3;
    static final long RESET_RECOVERY_MILLIS = 10;
    /** The address the host gives the device with SET_ADDRESS. */
    public static final int ADDRESS = 1;
    /** 11-bit frame numbers (USB 2.0 §8.4.3). */
    private static final int FRAME_NUMBER_MASK = 0x7FF;
    static final int LED_PAGE = 0x08;
    static final int GENERIC_DESKTOP_KEYBOARD = 0x01 << 16 | 0x06;

    private final UsbHostController controller;
    private final HostInputListener listener;
    private final Runnable firmwareStep;
    private final UsbPacket packet = new UsbPacket();
    private boolean suspended;
    private volatile boolean pollingPaused;
    private final Map<Integer, Integer> protocols = new HashMap<>();
    private final Map<Integer, Set<Integer>> keysDown = new HashMap<>();
    private volatile RawReportListener rawListener = (iface, report) -> { };
    private DeviceDescription description;
    private HidProtocol mode = HidProtocol.REPORT;
    private long frame;
    private int wantedLeds;
    private int sentLeds = -1;
    private Thread ticker;
    private volatile boolean running;
    private volatile RuntimeException failure;

    /** Sees every input report the host takes, before decoding (for tests and latency probes). */
    public interface RawReportListener {
        void report(int iface, byte[] report);
    }

    /** Live: the firmware runs on its own thread. */
    public UsbHostModel(UsbDevicePort device, HostInputListener listener) {
        this(device, listener, null);
    }

    /** Lock-step: {@code firmwareStep} runs the firmware's USB code once (for example {@code UsbHid.poll}). */
    public UsbHostModel(UsbDevicePort device, HostInputListener listener, Runnable firmwareStep) {
        this.controller = new UsbHostController(device, firmwareStep);
        this.listener = listener;
        this.firmwareStep = firmwareStep;
    }

    public void onRawReport(RawReportListener raw) {
        this.rawListener = raw;
    }

    /**
     * Resets the bus and enumerates; then sets every boot interface to {@code protocol}, and
     * idle 0 (report only on change) on every interface, as Windows and Linux do.
     *
     * @throws DescriptorException when a descriptor fails a structural check
     * @throws UsbHostException when the device stalls or does not answer an enumeration request
     */
    public synchronized DeviceDescription enumerate(HidProtocol protocol) {
        description = null;
        protocols.clear();
        keysDown.clear();
        sentLeds = -1;
        suspended = false;
        byte[] first = firstDescriptorBytes();
        DescriptorChecker.expect(first.length == 8 && first[0] == 18 && first[1] == DescriptorChecker.DEVICE,
                "first 8 bytes of the device descriptor: %s", HexBytes.of(first));
        require(control(0x00, 5, ADDRESS, 0, 0, null), "SET_ADDRESS");
        controller.address(ADDRESS); // a device that kept address 0 does not answer what follows
        byte[] deviceDescriptor = descriptor(DescriptorChecker.DEVICE, 0, 0, 0, 18, "device");
        int[] ids = DescriptorChecker.checkDevice(deviceDescriptor);
        byte[] header = descriptor(DescriptorChecker.CONFIGURATION, 0, 0, 0, 9, "configuration (first 9 bytes)");
        DescriptorChecker.expect(header.length == 9, "configuration header is %d bytes, asked for 9", header.length);
        byte[] configuration = descriptor(DescriptorChecker.CONFIGURATION, 0, 0, 0, DescriptorChecker.u16(header, 2),
                "configuration");
        List<int[]> interfaces = DescriptorChecker.checkConfiguration(configuration);
        byte[] languages = descriptor(DescriptorChecker.STRING, 0, 0, 0, 255, "string 0 (languages)");
        DescriptorChecker.checkString(languages, 0);
        int language = DescriptorChecker.u16(languages, 2);
        String manufacturer = string(deviceDescriptor[14], language);
        String product = string(deviceDescriptor[15], language);
        String serial = string(deviceDescriptor[16], language);
        int configurationValue = configuration[5] & 0xFF;
        require(control(0x00, 9, configurationValue, 0, 0, null), "SET_CONFIGURATION");
        controller.resetToggles();
        List<HidInterface> hid = new ArrayList<>();
        for (int[] i : interfaces) {
            hid.add(hidInterface(i, configuration));
        }
        mode = protocol;
        description = new DeviceDescription(ids[0], ids[1], ids[2], configurationValue, List.copyOf(hid),
                manufacturer, product, serial);
        for (HidInterface i : hid) {
            setIdle(i.number(), 0);
            protocols.put(i.number(), HidProtocol.REPORT.code);
            if (i.isBoot()) {
                setProtocol(i.number(), protocol);
            }
        }
        return description;
    }

    /**
     * Resets the bus and reads the first 8 bytes of the device descriptor; as Windows and Linux
     * do, a device that does not answer is reset and asked again, {@link #RESET_ATTEMPTS} times.
     */
    private byte[] firstDescriptorBytes() {
        for (int attempt = 1; ; attempt++) {
            controller.busReset();
            resetRecovery();
            try {
                return descriptor(DescriptorChecker.DEVICE, 0, 0, 0, 8, "device (first 8 bytes)");
            } catch (UsbHostException e) {
                if (attempt == RESET_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * USB 2.0 §7.1.7.3 (TRSTRCY): the host leaves the device 10 ms after a reset before the first
     * SETUP, time its firmware needs to set the core up. Lock-step: one firmware step.
     */
    private void resetRecovery() {
        if (firmwareStep != null) {
            firmwareStep.run();
            return;
        }
        try {
            Thread.sleep(RESET_RECOVERY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsbHostException("interrupted in the reset recovery time");
        }
    }

    /** The target's lock state as LED bits (num 1, caps 2, scroll 4): sent by SET_REPORT when it changes. */
    public synchronized void setKeyboardLeds(int leds) {
        wantedLeds = leds;
    }

    /** SET_PROTOCOL on one boot interface; later reports from it are read with that layout. */
    public synchronized void setProtocol(int iface, HidProtocol protocol) {
        require(control(0x21, 0x0B, protocol.code, iface, 0, null), "SET_PROTOCOL " + protocol + " on interface "
                + iface);
        protocols.put(iface, protocol.code);
    }

    /** SET_IDLE for report 0 of {@code iface}, {@code rate} in 4 ms units. */
    public synchronized void setIdle(int iface, int rate) {
        require(control(0x21, 0x0A, rate << 8, iface, 0, null), "SET_IDLE on interface " + iface);
    }

    /**
     * One control transfer; {@code outData} is the data stage of a host-to-device request.
     *
     * @throws UsbHostException when the device does not answer in time or sends more than wLength
     */
    public synchronized ControlOutcome control(int requestType, int request, int value, int index, int length,
            byte[] outData) {
        byte[] setup = {(byte) requestType, (byte) request, (byte) value, (byte) (value >> 8), (byte) index,
            (byte) (index >> 8), (byte) length, (byte) (length >> 8)};
        String what = "request %02X %02X value %04X index %d".formatted(requestType, request, value, index);
        return controller.control(setup, outData, what);
    }

    /**
     * One 1 ms frame: runs the firmware step (lock-step), sends the LED report if the target's
     * locks changed, then takes and decodes a report from every endpoint due this frame.
     */
    public synchronized void pollOnce() {
        frame++;
        if (!suspended) {
            controller.port().startOfFrame((int) frame & FRAME_NUMBER_MASK);
        }
        step();
        if (description == null || suspended || pollingPaused) {
            return;
        }
        if (wantedLeds != sentLeds) {
            sendLeds();
        }
        for (HidInterface i : description.interfaces()) {
            if (frame % i.interval() != 0 || (mode == HidProtocol.BOOT && !i.isBoot())) {
                continue;
            }
            int length = controller.interruptIn(i.endpoint(), packet);
            if (length >= 0) {
                byte[] report = Arrays.copyOf(packet.bytes, length);
                rawListener.report(i.number(), report);
                deliver(i, report);
            }
        }
    }

    /** Resets the bus, as a hub port reset does: the device forgets its address and configuration. */
    public synchronized void busReset() {
        description = null;
        controller.busReset();
    }

    /** Stops sending SOF: after 3 ms the device sees the bus suspended (USB 2.0 §7.1.7.6). */
    public synchronized void suspend() {
        suspended = true;
        controller.port().suspend();
    }

    /** Resume signalling, then SOF and polling again. */
    public synchronized void resume() {
        suspended = false;
        controller.port().resume();
    }

    /**
     * Stops (or resumes) taking input reports while the bus stays up (SOF, no suspend): a PC whose
     * HID driver is late to ask again, or a host thread the simulator's machine has stalled. The
     * device sees its endpoints stay full, as it would.
     */
    public void pauseInterruptPolling(boolean paused) {
        pollingPaused = paused;
    }

    /** Starts polling every millisecond on a daemon thread (live mode). */
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        running = true;
        ticker = new Thread(this::tick, "usb-host");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** The first error the live polling thread met (a malformed report), or null. */
    public RuntimeException failure() {
        return failure;
    }

    public synchronized DeviceDescription description() {
        return description;
    }

    /** The protocol the host last set on {@code iface} (report protocol if never set). */
    public synchronized HidProtocol protocol(int iface) {
        return protocols.getOrDefault(iface, HidProtocol.REPORT.code) == 0 ? HidProtocol.BOOT : HidProtocol.REPORT;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        Thread t = ticker;
        if (t != null) {
            t.join(1000);
        }
    }

    private void tick() {
        long next = System.nanoTime();
        while (running) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            next += 1_000_000L;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime(); // fell behind: do not burst to catch up
            }
        }
    }

    private void sendLeds() {
        for (HidInterface i : description.interfaces()) {
            if (i.layout().hasOutputOnPage(LED_PAGE)) {
                require(control(0x21, 0x09, 0x0200, i.number(), 1, new byte[] {(byte) wantedLeds}),
                        "SET_REPORT (LEDs)");
            }
        }
        sentLeds = wantedLeds;
    }

    private void deliver(HidInterface i, byte[] report) {
        ReportLayout layout = i.layout();
        if (protocols.getOrDefault(i.number(), 1) == HidProtocol.BOOT.code) {
            layout = i.isBootKeyboard() ? BootLayouts.KEYBOARD : BootLayouts.MOUSE;
            int bootLength = layout.inputLength(0);
            if (report.length != bootLength) {
                throw new UsbHostException("interface " + i.number() + " sent " + HexBytes.of(report) + " in boot"
                        + " protocol; the boot report is " + bootLength + " bytes");
            }
        } else if (report.length != layout.inputLength(0)) {
            throw new UsbHostException("interface " + i.number() + " sent " + HexBytes.of(report) + "; its report"
                    + " descriptor says " + layout.inputLength(0) + " bytes");
        }
        DecodedReport decoded = ReportDecoder.decode(layout, report);
        if (layout.applicationUsage() == GENERIC_DESKTOP_KEYBOARD) {
            keys(i.number(), decoded);
        } else if (decoded.hasPointer() && decoded.relative()) {
            listener.pointerRelative(decoded.x(), decoded.y(), decoded.buttons(), decoded.wheel(), decoded.pan());
        } else if (decoded.hasPointer()) {
            listener.pointerAbsolute(decoded.x(), decoded.y(), decoded.buttons(), decoded.wheel(), decoded.pan());
        }
    }

    /** Key changes since the interface's last report; on ErrorRollOver the keys stay as they were. */
    private void keys(int iface, DecodedReport decoded) {
        Set<Integer> before = keysDown.getOrDefault(iface, Set.of());
        Set<Integer> now = new TreeSet<>(decoded.keys());
        if (decoded.rollover()) {
            now.removeIf(u -> !isModifier(u));
            before.stream().filter(u -> !isModifier(u)).forEach(now::add);
        }
        // An OS reads the modifier byte, which leads the report, before the key array: Shift+H
        // in one report types 'H'. So ordinary keys go up before modifiers, modifiers go down
        // before ordinary keys.
        releaseAll(before, now, false);
        releaseAll(before, now, true);
        pressAll(before, now, true);
        pressAll(before, now, false);
        keysDown.put(iface, now);
    }

    private void releaseAll(Set<Integer> before, Set<Integer> now, boolean modifiers) {
        for (int usage : before) {
            if (isModifier(usage) == modifiers && !now.contains(usage)) {
                listener.keyUp(usage);
            }
        }
    }

    private void pressAll(Set<Integer> before, Set<Integer> now, boolean modifiers) {
        for (int usage : now) {
            if (isModifier(usage) == modifiers && !before.contains(usage)) {
                listener.keyDown(usage);
            }
        }
    }

    private static boolean isModifier(int usage) {
        return usage >= 0xE0 && usage <= 0xE7;
    }

    private HidInterface hidInterface(int[] i, byte[] configuration) {
        int number = i[0];
        byte[] hidDescriptor = require(control(0x81, 6, DescriptorChecker.HID << 8, number, 9, null),
                "GET_DESCRIPTOR(HID) of interface " + number).data();
        DescriptorChecker.expect(hidDescriptor.length == 9 && DescriptorChecker.u16(hidDescriptor, 7) == i[3],
                "HID descriptor of interface %d from GET_DESCRIPTOR %s differs from the configuration's", number,
                HexBytes.of(hidDescriptor));
        byte[] report = require(control(0x81, 6, DescriptorChecker.REPORT << 8, number, i[3], null),
                "GET_DESCRIPTOR(report) of interface " + number).data();
        DescriptorChecker.expect(report.length == i[3], "interface %d: HID descriptor says the report descriptor is %d"
                + " bytes, GET_DESCRIPTOR returned %d", number, i[3], report.length);
        ReportLayout layout = ReportDescriptorParser.parse(report);
        int inputLength = layout.inputLength(0) + (layout.usesReportIds() ? 1 : 0);
        DescriptorChecker.expect(inputLength <= i[5], "interface %d: input report of %d bytes exceeds the endpoint's"
                + " wMaxPacketSize %d", number, inputLength, i[5]);
        HidInterface hid = new HidInterface(number, i[1], i[2], i[4], i[5], i[6], i[3], report, layout);
        if (hid.isBootKeyboard()) {
            BootCompatibility.checkKeyboard(layout, number);
        } else if (hid.isBootMouse()) {
            BootCompatibility.checkMouse(layout, number);
        }
        return hid;
    }

    private byte[] descriptor(int type, int index, int language, int recipient, int length, String what) {
        return require(control(0x80 | recipient, 6, type << 8 | index, language, length, null),
                "GET_DESCRIPTOR " + what).data();
    }

    private String string(byte index, int language) {
        int i = index & 0xFF;
        return i == 0 ? "" : DescriptorChecker.checkString(descriptor(DescriptorChecker.STRING, i, language, 0, 255,
                "string " + i), i);
    }

    private void step() {
        if (firmwareStep != null) {
            firmwareStep.run();
        }
    }

    private static ControlOutcome require(ControlOutcome outcome, String what) {
        if (outcome.stalled()) {
            throw new UsbHostException("the device stalled " + what);
        }
        return outcome;
    }

}
