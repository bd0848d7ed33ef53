package org.skvmoip.sim.usb;

import java.util.Arrays;

import org.skvmoip.hal.UsbDevice;

/**
 * The module's USB device port in the simulator: the firmware's side is the {@link UsbDevice}
 * HAL, the host's side (public methods below it) is what {@link UsbHostModel} drives, like the
 * bus between a PC and the STM32's OTG_FS core. Thread-safe: the firmware and the host may run
 * on different threads. Like the C side on the device, it copies data in both directions.
 */
public final class SimUsbDevice implements UsbDevice {

    private static final int ENDPOINTS = 4; // the STM32F401's OTG_FS has EP0..EP3

    private final int[] maxPacket = new int[ENDPOINTS];
    private static final int MAX_PACKET = 64;

    /** Each endpoint's TX FIFO: the queued packet's bytes and length (-1 = empty), filled without allocating. */
    private final byte[][] fifo = new byte[ENDPOINTS][MAX_PACKET];
    private final int[] fifoLength = {-1, -1, -1, -1};
    private final byte[] setup = new byte[SETUP_LENGTH];
    private boolean setupPending;
    private byte[] outStage;
    private ControlOutcome outcome;
    private boolean busReset;
    private boolean suspended;
    private int address;
    private volatile Runnable onEvent = () -> { };

    // ---- the firmware's side (HAL) ----

    @Override
    public synchronized boolean pollBusReset() {
        boolean was = busReset;
        busReset = false;
        return was;
    }

    @Override
    public synchronized boolean pollSetup(byte[] setup8) {
        if (!setupPending) {
            return false;
        }
        System.arraycopy(setup, 0, setup8, 0, SETUP_LENGTH);
        setupPending = false;
        return true;
    }

    @Override
    public synchronized int controlOut(byte[] dst, int off, int max) {
        if (outStage == null) {
            return -1;
        }
        int n = Math.min(max, outStage.length);
        System.arraycopy(outStage, 0, dst, off, n);
        return n;
    }

    @Override
    public synchronized void controlIn(byte[] data, int off, int len) {
        if (len > MAX_CONTROL_IN) {
            throw new IllegalStateException("controlIn of " + len + " bytes exceeds the C side's EP0 buffer of "
                    + MAX_CONTROL_IN);
        }
        answer(ControlOutcome.data(data, off, len));
    }

    @Override
    public synchronized void controlAck() {
        answer(ControlOutcome.ACK);
    }

    @Override
    public synchronized void controlStall() {
        answer(ControlOutcome.STALL);
    }

    @Override
    public synchronized void setAddress(int newAddress) {
        address = newAddress;
    }

    @Override
    public synchronized void openInterruptIn(int endpoint, int max) {
        checkEndpoint(endpoint);
        maxPacket[endpoint] = max;
        fifoLength[endpoint] = -1;
    }

    @Override
    public synchronized void closeEndpoints() {
        for (int ep = 1; ep < ENDPOINTS; ep++) {
            maxPacket[ep] = 0;
            fifoLength[ep] = -1;
        }
    }

    @Override
    public synchronized boolean endpointReady(int endpoint) {
        return endpoint > 0 && endpoint < ENDPOINTS && maxPacket[endpoint] > 0 && fifoLength[endpoint] < 0;
    }

    @Override
    public synchronized boolean send(int endpoint, byte[] data, int off, int len) {
        if (!endpointReady(endpoint)) {
            return false;
        }
        if (len > maxPacket[endpoint]) {
            throw new IllegalStateException("a " + len + "-byte packet on EP" + endpoint + " exceeds its wMaxPacketSize "
                    + maxPacket[endpoint] + " (the host would see babble)");
        }
        System.arraycopy(data, off, fifo[endpoint], 0, len);
        fifoLength[endpoint] = len;
        loadedNanos[endpoint] = System.nanoTime();
        return true;
    }

    /**
     * When the firmware last loaded a packet into IN endpoint {@code endpoint} ({@link System#nanoTime}):
     * the moment a report leaves the module, before the host's next poll takes it.
     */
    public synchronized long lastLoadedNanos(int endpoint) {
        checkEndpoint(endpoint);
        return loadedNanos[endpoint];
    }

    private final long[] loadedNanos = new long[ENDPOINTS];

    @Override
    public synchronized boolean isSuspended() {
        return suspended;
    }

    // ---- the host's side ----

    /** Called after anything the host does, as the OTG_FS interrupt wakes the firmware's thread. */
    public void onEvent(Runnable wake) {
        this.onEvent = wake;
    }

    /** A bus reset: address 0, only EP0 open, any control transfer forgotten. */
    public void busReset() {
        synchronized (this) {
            busReset = true;
            suspended = false;
            address = 0;
            setupPending = false;
            outStage = null;
            outcome = null;
            closeEndpoints();
        }
        onEvent.run();
    }

    public void setSuspended(boolean value) {
        synchronized (this) {
            suspended = value;
        }
        onEvent.run();
    }

    /** Sends a SETUP packet and, for a host-to-device request with data, its OUT data stage. */
    public void submitSetup(byte[] setup8, byte[] outData) {
        synchronized (this) {
            System.arraycopy(setup8, 0, setup, 0, SETUP_LENGTH);
            setupPending = true;
            outStage = outData == null ? null : outData.clone();
            outcome = null;
        }
        onEvent.run();
    }

    /** The device's answer to the last SETUP, taken once; null while it has not answered. */
    public synchronized ControlOutcome takeOutcome() {
        ControlOutcome answered = outcome;
        outcome = null;
        return answered;
    }

    /** Waits up to {@code timeoutMillis} for the answer; null when none came. */
    public synchronized ControlOutcome awaitOutcome(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (outcome == null) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return takeOutcome();
    }

    /** An IN token on {@code endpoint}: the packet the device queued, or null (NAK). */
    public byte[] takeIn(int endpoint) {
        byte[] packet;
        synchronized (this) {
            int length = fifoLength[endpoint];
            packet = length < 0 ? null : Arrays.copyOf(fifo[endpoint], length);
            fifoLength[endpoint] = -1;
        }
        if (packet != null) {
            onEvent.run(); // XFRC: the endpoint is free again
        }
        return packet;
    }

    /**
     * {@link #takeIn(int)} without allocating, for the allocation probe: copies the packet into
     * {@code dst} and returns its length, or -1 (NAK).
     */
    public int takeIn(int endpoint, byte[] dst) {
        int length;
        synchronized (this) {
            length = fifoLength[endpoint];
            if (length >= 0) {
                System.arraycopy(fifo[endpoint], 0, dst, 0, length);
            }
            fifoLength[endpoint] = -1;
        }
        if (length >= 0) {
            onEvent.run();
        }
        return length;
    }

    public synchronized boolean isOpen(int endpoint) {
        return maxPacket[endpoint] > 0;
    }

    public synchronized int address() {
        return address;
    }

    private void answer(ControlOutcome answered) {
        outcome = answered;
        outStage = null;
        notifyAll();
    }

    private static void checkEndpoint(int endpoint) {
        if (endpoint < 1 || endpoint >= ENDPOINTS) {
            throw new IllegalArgumentException("endpoint " + endpoint + " does not exist: OTG_FS has IN endpoints 1.."
                    + (ENDPOINTS - 1));
        }
    }
}
