package org.skvmoip.firmware.hid;

import org.skvmoip.hal.UsbDevice;

/**
 * The module as the target's USB keyboard, relative mouse and absolute pointer (HID 1.11): owns
 * what is pressed and where the pointer is, answers control requests through
 * {@link ControlRequests}, and pushes an input report on an interface's interrupt IN endpoint at
 * most once per 1 ms frame, when its state changed or its idle period passed (§7.2.4).
 *
 * <p>Call {@link #poll} from the main loop whenever the USB peripheral signalled something and
 * by {@link #nextDeadline}. Everything is allocated here; no method allocates afterwards.
 */
public final class UsbHid {

    public static final int KEYBOARD = UsbDescriptors.KEYBOARD_INTERFACE;
    public static final int MOUSE = UsbDescriptors.MOUSE_INTERFACE;
    public static final int POINTER = UsbDescriptors.POINTER_INTERFACE;

    /** Protocol codes of GET/SET_PROTOCOL (HID 1.11 §7.2.5). */
    public static final int PROTOCOL_BOOT = 0;
    public static final int PROTOCOL_REPORT = 1;

    /** Keyboard LED output report bits (Usage Tables, LED page 0x08: usages 1..5). */
    public static final int LED_NUM_LOCK = 0x01;
    public static final int LED_CAPS_LOCK = 0x02;
    public static final int LED_SCROLL_LOCK = 0x04;
    public static final int LED_COMPOSE = 0x08;
    public static final int LED_KANA = 0x10;
    static final int LED_MASK = 0x1F;

    /**
     * Default idle rates after reset, in 4 ms units: 500 ms for the keyboard as HID 1.11 §7.2.4
     * recommends, indefinite (0, only on change) for the pointers.
     */
    static final int KEYBOARD_DEFAULT_IDLE = 125;
    static final int IDLE_UNIT_MILLIS = 4;

    private static final int[] ENDPOINT = {
        UsbDescriptors.KEYBOARD_ENDPOINT, UsbDescriptors.MOUSE_ENDPOINT, UsbDescriptors.POINTER_ENDPOINT,
    };

    private final UsbDevice usb;
    private final ControlRequests control;
    private final ReportQueue keyboardQueue = new ReportQueue();
    private final ReportQueue pointerQueue = new ReportQueue();
    private final MouseMotionQueue mouseQueue = new MouseMotionQueue();
    private final byte[] report = new byte[ReportQueue.MAX_REPORT];
    private final byte[] keyboardState = new byte[KeyboardReport.LENGTH];
    private final byte[] pointerState = new byte[PointerReport.LENGTH];
    /**
     * Whether the host has been sent a pointer position since it configured the device. Until
     * then it does not know where the pointer is (a target puts it where it likes, often the
     * centre), so even a move to (0, 0) with no button must be reported.
     */
    private boolean pointerKnownToHost;
    private final byte[] lastSent = new byte[UsbDescriptors.INTERFACE_COUNT * ReportQueue.MAX_REPORT];
    private final long[] lastSendMillis = new long[UsbDescriptors.INTERFACE_COUNT];
    private final int[] protocol = new int[UsbDescriptors.INTERFACE_COUNT];
    private final int[] idle = new int[UsbDescriptors.INTERFACE_COUNT];
    private int mouseButtons;
    private int configuration;
    private int leds;
    private boolean suspended;
    private int statusGeneration;
    private long now;

    /** @param uniqueId the MCU's unique id, shown to the host as the serial number */
    public UsbHid(UsbDevice usb, byte[] uniqueId) {
        this.usb = usb;
        this.control = new ControlRequests(usb, this, uniqueId);
        resetInterfaces();
    }

    /** Serves the bus: reset, control requests, then due reports. */
    public void poll(long nowMillis) {
        now = nowMillis;
        if (usb.pollBusReset()) {
            configuration = 0;
            leds = 0;
            resetInterfaces();
            control.reset();
            statusGeneration++;
        }
        control.serve();
        boolean nowSuspended = usb.isSuspended();
        if (nowSuspended != suspended) {
            suspended = nowSuspended;
            statusGeneration++;
        }
        if (configuration != 0 && !suspended) {
            for (int i = 0; i < UsbDescriptors.INTERFACE_COUNT; i++) {
                push(i);
            }
        }
    }

    /**
     * When {@link #poll} next has timed work (a queued report, an idle repeat), or
     * {@code Long.MAX_VALUE}; control requests and bus events come as interrupts instead.
     */
    public long nextDeadline(long nowMillis) {
        if (configuration == 0 || suspended) {
            return Long.MAX_VALUE;
        }
        if (!keyboardQueue.isEmpty() || !mouseQueue.isEmpty() || !pointerQueue.isEmpty()) {
            return nowMillis + 1;
        }
        long next = Long.MAX_VALUE;
        for (int i = 0; i < UsbDescriptors.INTERFACE_COUNT; i++) {
            if (idle[i] != 0) {
                next = Math.min(next, lastSendMillis[i] + (long) idle[i] * IDLE_UNIT_MILLIS);
            }
        }
        return next;
    }

    /**
     * Whether one more input message (a keyboard state, a mouse move, a pointer state) can be
     * queued without overwriting a state the host has not taken yet, leaving each interface a
     * slot for the release of {@link #releaseAll}. While it is false the caller must hold its
     * input back (the control service leaves frames in the socket, so TCP slows the server down)
     * until the host's polls make room. While no host polls (not configured, suspended) it stays
     * true, or power and keep-alive frames would wait behind keys forever: that host later sees
     * the latest state.
     */
    public boolean canTakeInput() {
        if (configuration == 0 || suspended) {
            return true;
        }
        return keyboardQueue.hasRoomFor(2) && pointerQueue.hasRoomFor(2) && mouseQueue.hasRoomFor(2);
    }

    /**
     * Sets which keys are down (see {@link KeyboardReport#encode}); queues a report when that
     * changes the keyboard's state. Returns the number of keys reported or
     * {@link KeyboardReport#ROLLOVER}.
     */
    public int keyboard(int modifiers, byte[] usages, int off, int count) {
        int result = KeyboardReport.encode(modifiers, usages, off, count, report);
        if (!sameAs(keyboardState, report, KeyboardReport.LENGTH)) {
            System.arraycopy(report, 0, keyboardState, 0, KeyboardReport.LENGTH);
            keyboardQueue.offer(report, 0, KeyboardReport.LENGTH);
        }
        return result;
    }

    /**
     * Queues a relative move with these buttons held; a move larger than 127 per axis goes out
     * as several reports. Returns false when the queue is full (the host is not polling).
     */
    public boolean mouseMove(int buttons, int dx, int dy, int wheel, int pan) {
        if (!mouseQueue.offer(buttons, dx, dy, wheel, pan)) {
            return false;
        }
        mouseButtons = buttons & MouseReport.BUTTONS_MASK;
        return true;
    }

    /** Moves the absolute pointer (x, y clamped to 0..32767) with these buttons held. */
    public void pointer(int buttons, int x, int y, int wheel, int pan) {
        PointerReport.encode(buttons, x, y, wheel, pan, report, 0);
        boolean moveOnly = !pointerQueue.isEmpty() && pointerQueue.newestByte(0) == (report[0] & 0xFF)
                && pointerQueue.newestByte(5) == 0 && pointerQueue.newestByte(6) == 0;
        if (moveOnly) {
            pointerQueue.replaceNewest(report, 0, PointerReport.LENGTH);
        } else if (!pointerKnownToHost || !sameAs(pointerState, report, PointerReport.LENGTH)
                || report[5] != 0 || report[6] != 0) {
            pointerQueue.offer(report, 0, PointerReport.LENGTH);
            pointerKnownToHost = true;
        }
        System.arraycopy(report, 0, pointerState, 0, PointerReport.LENGTH);
        pointerState[5] = 0;
        pointerState[6] = 0;
    }

    /**
     * Every key up, every button up, queued motion dropped; the release reports go out on the
     * next frames (the safety path for a lost session). Key states already queued go out first:
     * the server typed them before the end, and the slot {@link #canTakeInput} keeps free holds
     * the release behind them (a few ms, well within the 50 ms of docs/protocol.md §7).
     */
    public void releaseAll() {
        mouseQueue.clear();
        pointerQueue.clear();
        keyboard(0, report, 0, 0);
        if (!isZero(lastSent, KEYBOARD * ReportQueue.MAX_REPORT, KeyboardReport.LENGTH) && keyboardQueue.isEmpty()) {
            keyboardQueue.offer(keyboardState, 0, KeyboardReport.LENGTH);
        }
        if (mouseButtons != 0 || (lastSent[MOUSE * ReportQueue.MAX_REPORT] & 0xFF) != 0) {
            mouseQueue.offer(0, 0, 0, 0, 0);
            mouseButtons = 0;
        }
        if (pointerState[0] != 0 || lastSent[POINTER * ReportQueue.MAX_REPORT] != 0) {
            System.arraycopy(pointerState, 0, report, 0, PointerReport.LENGTH);
            report[0] = 0;
            pointerState[0] = 0;
            pointerQueue.offer(report, 0, PointerReport.LENGTH);
        }
    }

    /** Whether no key or button is down and nothing waits to be sent. */
    public boolean isAllReleased() {
        return isZero(keyboardState, 0, KeyboardReport.LENGTH) && mouseButtons == 0 && pointerState[0] == 0
                && keyboardQueue.isEmpty() && mouseQueue.isEmpty() && pointerQueue.isEmpty();
    }

    /** The target's keyboard LEDs as it last set them ({@code LED_*} bits). */
    public int leds() {
        return leds;
    }

    /** Whether the host has configured the device (SET_CONFIGURATION 1). */
    public boolean isConfigured() {
        return configuration != 0;
    }

    public boolean isSuspended() {
        return suspended;
    }

    /** {@link #PROTOCOL_BOOT} or {@link #PROTOCOL_REPORT} of {@code iface} (the pointer is always report). */
    public int protocol(int iface) {
        return protocol[iface];
    }

    /** The idle rate of {@code iface} in 4 ms units, 0 = only on change. */
    public int idleRate(int iface) {
        return idle[iface];
    }

    /** Counts changes of LEDs, configured, suspended or protocol: compare to push status on change. */
    public int statusGeneration() {
        return statusGeneration;
    }

    // ---- for ControlRequests ----

    int configuration() {
        return configuration;
    }

    void configure(int value) {
        if (value == configuration) {
            return;
        }
        configuration = value;
        usb.closeEndpoints();
        if (value != 0) {
            for (int i = 0; i < UsbDescriptors.INTERFACE_COUNT; i++) {
                usb.openInterruptIn(ENDPOINT[i], UsbDescriptors.INTERRUPT_MAX_PACKET);
            }
            startReporting();
        }
        statusGeneration++;
    }

    void setLeds(int bits) {
        if ((bits & LED_MASK) != leds) {
            leds = bits & LED_MASK;
            statusGeneration++;
        }
    }

    void setProtocol(int iface, int value) {
        if (protocol[iface] != value) {
            protocol[iface] = value;
            statusGeneration++;
        }
    }

    void setIdle(int iface, int rate) {
        idle[iface] = rate;
    }

    /** Writes the current input report of {@code iface} as GET_REPORT answers it; returns its length. */
    int currentReport(int iface, byte[] dst, int off) {
        if (iface == KEYBOARD) {
            System.arraycopy(keyboardState, 0, dst, off, KeyboardReport.LENGTH);
            return KeyboardReport.LENGTH;
        }
        if (iface == MOUSE) {
            return MouseReport.encode(mouseButtons, 0, 0, 0, 0, protocol[MOUSE] == PROTOCOL_BOOT, dst, off);
        }
        System.arraycopy(pointerState, 0, dst, off, PointerReport.LENGTH);
        return PointerReport.LENGTH;
    }

    private void resetInterfaces() {
        for (int i = 0; i < UsbDescriptors.INTERFACE_COUNT; i++) {
            protocol[i] = PROTOCOL_REPORT; // HID 1.11 §7.2.6: report protocol after reset
            idle[i] = 0;
        }
        idle[KEYBOARD] = KEYBOARD_DEFAULT_IDLE;
    }

    /** A freshly configured host knows nothing: it gets the current state, then changes. */
    private void startReporting() {
        keyboardQueue.clear();
        mouseQueue.clear();
        pointerQueue.clear();
        for (int i = 0; i < lastSent.length; i++) {
            lastSent[i] = 0;
        }
        for (int i = 0; i < UsbDescriptors.INTERFACE_COUNT; i++) {
            lastSendMillis[i] = now;
        }
        if (!isZero(keyboardState, 0, KeyboardReport.LENGTH)) {
            keyboardQueue.offer(keyboardState, 0, KeyboardReport.LENGTH);
        }
        if (mouseButtons != 0) {
            mouseQueue.offer(mouseButtons, 0, 0, 0, 0);
        }
        pointerKnownToHost = false;
        if (pointerState[0] != 0) {
            pointerQueue.offer(pointerState, 0, PointerReport.LENGTH);
            pointerKnownToHost = true;
        }
    }

    private void push(int iface) {
        if (lastSendMillis[iface] == now || !usb.endpointReady(ENDPOINT[iface])) {
            return; // one report per frame; the host has not taken the previous one yet
        }
        int length = nextReport(iface);
        if (length == 0) {
            return;
        }
        // The endpoint was ready: send only fails if the bus reset meanwhile, which drops all anyway.
        usb.send(ENDPOINT[iface], report, 0, length);
        System.arraycopy(report, 0, lastSent, iface * ReportQueue.MAX_REPORT, length);
        lastSendMillis[iface] = now;
    }

    /** The report due on {@code iface} now, in {@link #report}: its length, or 0 when none is. */
    private int nextReport(int iface) {
        boolean boot = protocol[iface] == PROTOCOL_BOOT;
        if (iface == KEYBOARD && !keyboardQueue.isEmpty()) {
            int length = keyboardQueue.peek(report, 0);
            keyboardQueue.remove();
            return length;
        }
        if (iface == MOUSE && !mouseQueue.isEmpty()) {
            return mouseQueue.next(boot, report, 0);
        }
        if (iface == POINTER && !pointerQueue.isEmpty()) {
            int length = pointerQueue.peek(report, 0);
            pointerQueue.remove();
            return length;
        }
        if (idle[iface] == 0 || now - lastSendMillis[iface] < (long) idle[iface] * IDLE_UNIT_MILLIS) {
            return 0;
        }
        // Idle repeat: the same state again, with no new relative motion (HID 1.11 §7.2.4).
        int base = iface * ReportQueue.MAX_REPORT;
        if (iface == KEYBOARD) {
            System.arraycopy(lastSent, base, report, 0, KeyboardReport.LENGTH);
            return KeyboardReport.LENGTH;
        }
        if (iface == MOUSE) {
            return MouseReport.encode(lastSent[base], 0, 0, 0, 0, boot, report, 0);
        }
        System.arraycopy(lastSent, base, report, 0, PointerReport.LENGTH);
        report[5] = 0;
        report[6] = 0;
        return PointerReport.LENGTH;
    }

    private static boolean sameAs(byte[] a, byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] a, int off, int length) {
        for (int i = off; i < off + length; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
