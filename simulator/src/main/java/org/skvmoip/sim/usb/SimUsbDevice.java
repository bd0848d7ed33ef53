package org.skvmoip.sim.usb;

import org.skvmoip.hal.UsbDevice;

/**
 * The Java board's USB device port: the firmware's side is the {@link UsbDevice} HAL, the bus
 * side is a {@link UsbDevicePort}, doing what the C side and the OTG_FS core do on the device:
 * control transfers on EP0 in 64-byte packets with the data toggles of USB 2.0 §8.6 (SETUP
 * DATA0, data stage from DATA1, status stage DATA1), a zero-length packet where §5.5.3 asks for
 * one, the new address taken after SET_ADDRESS's status stage, and interrupt IN endpoints with
 * one packet each. Thread-safe: the firmware and the host run on different threads; no method
 * the firmware calls allocates.
 */
public final class SimUsbDevice implements UsbDevice, UsbDevicePort {

    private static final int ENDPOINTS = 4; // the STM32F401's OTG_FS has EP0..EP3
    private static final int EP0_MAX_PACKET = 64;
    private static final int OUT_STAGE_BYTES = 64; // the C side's EP0 OUT buffer

    private enum Answer { NONE, DATA, ACK, STALL, DONE }

    private final int[] maxPacket = new int[ENDPOINTS];
    /** Each endpoint's TX FIFO: the queued packet's bytes and length (-1 = empty), filled without allocating. */
    private final byte[][] fifo = new byte[ENDPOINTS][UsbPacket.MAX];
    private final int[] fifoLength = {-1, -1, -1, -1};
    private final boolean[] inData1 = new boolean[ENDPOINTS];
    private final long[] loadedNanos = new long[ENDPOINTS];
    private final byte[] setup = new byte[SETUP_LENGTH];
    private final byte[] inStage = new byte[MAX_CONTROL_IN];
    private final byte[] outStage = new byte[OUT_STAGE_BYTES];
    private final DeviceChanges changes = new DeviceChanges();
    private boolean setupPending;
    private boolean hostToDevice;
    private int wLength;
    private Answer answer = Answer.DONE;
    private int inLength;
    private int inSent;
    private boolean zeroLengthDue;
    private int outReceived;
    private boolean outComplete;
    private boolean outData1;
    private boolean busReset;
    private boolean suspended;
    private int address;
    private int pendingAddress = -1;
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
        if (!hostToDevice || !outComplete || answer != Answer.NONE) {
            return -1;
        }
        int n = Math.min(max, outReceived);
        System.arraycopy(outStage, 0, dst, off, n);
        return n;
    }

    @Override
    public synchronized void controlIn(byte[] data, int off, int len) {
        if (len > MAX_CONTROL_IN) {
            throw new IllegalStateException("controlIn of " + len + " bytes exceeds the C side's EP0 buffer of "
                    + MAX_CONTROL_IN);
        }
        System.arraycopy(data, off, inStage, 0, len);
        inLength = len;
        inSent = 0;
        zeroLengthDue = len < wLength && len % EP0_MAX_PACKET == 0;
        answer(Answer.DATA);
    }

    @Override
    public synchronized void controlAck() {
        answer(Answer.ACK);
    }

    @Override
    public synchronized void controlStall() {
        answer(Answer.STALL);
    }

    /** Taken after the status stage, as the host still talks to the old address until then (USB 2.0 §9.4.6). */
    @Override
    public synchronized void setAddress(int newAddress) {
        pendingAddress = newAddress;
    }

    @Override
    public synchronized void openInterruptIn(int endpoint, int max) {
        checkEndpoint(endpoint);
        maxPacket[endpoint] = max;
        fifoLength[endpoint] = -1;
        inData1[endpoint] = false; // a configured endpoint starts at DATA0 (§9.1.1.5)
        changes.signal();
    }

    @Override
    public synchronized void closeEndpoints() {
        for (int ep = 1; ep < ENDPOINTS; ep++) {
            maxPacket[ep] = 0;
            fifoLength[ep] = -1;
        }
        changes.signal();
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
        changes.signal();
        return true;
    }

    @Override
    public synchronized boolean isSuspended() {
        return suspended;
    }

    /**
     * When the firmware last loaded a packet into IN endpoint {@code endpoint} ({@link System#nanoTime}):
     * the moment a report leaves the module, before the host's next poll takes it.
     */
    public synchronized long lastLoadedNanos(int endpoint) {
        checkEndpoint(endpoint);
        return loadedNanos[endpoint];
    }

    /** Called after anything the host does, as the OTG_FS interrupt wakes the firmware's thread. */
    public void onEvent(Runnable wake) {
        this.onEvent = wake;
    }

    public synchronized boolean isOpen(int endpoint) {
        return maxPacket[endpoint] > 0;
    }

    // ---- the bus side ----

    /** A bus reset: address 0, only EP0 open, any control transfer forgotten. */
    @Override
    public void busReset() {
        synchronized (this) {
            busReset = true;
            suspended = false;
            address = 0;
            pendingAddress = -1;
            setupPending = false;
            answer = Answer.DONE;
            closeEndpoints();
        }
        onEvent.run();
    }

    @Override
    public void suspend() {
        setSuspended(true);
    }

    @Override
    public void resume() {
        setSuspended(false);
    }

    @Override
    public void startOfFrame(int frameNumber) {
        // The firmware keeps time by its own clock; a frame changes nothing here.
    }

    @Override
    public UsbReply setup(int toAddress, int endpoint, byte[] setup8) {
        synchronized (this) {
            if (toAddress != address || endpoint != 0) {
                return UsbReply.NONE;
            }
            System.arraycopy(setup8, 0, setup, 0, SETUP_LENGTH);
            setupPending = true;
            hostToDevice = (setup8[0] & 0x80) == 0;
            wLength = (setup8[6] & 0xFF) | (setup8[7] & 0xFF) << 8;
            answer = Answer.NONE;
            inLength = 0;
            inSent = 0;
            zeroLengthDue = false;
            outReceived = 0;
            outComplete = wLength == 0;
            outData1 = true;
            inData1[0] = true;
            pendingAddress = -1;
            changes.signal();
        }
        onEvent.run();
        return UsbReply.ACK;
    }

    @Override
    public UsbReply out(int toAddress, int endpoint, UsbPacket packet) {
        boolean wake = false;
        UsbReply reply;
        synchronized (this) {
            if (toAddress != address || endpoint != 0) {
                return toAddress == address ? UsbReply.STALL : UsbReply.NONE; // no OUT endpoints but EP0
            }
            if (answer == Answer.STALL) {
                reply = UsbReply.STALL;
            } else if (hostToDevice && wLength > 0 && packet.data1 != outData1) {
                reply = UsbReply.ACK; // the last packet again, its ACK lost: taken and dropped (§8.6.3)
            } else if (hostToDevice && !outComplete) {
                int n = Math.min(packet.length, OUT_STAGE_BYTES - outReceived);
                System.arraycopy(packet.bytes, 0, outStage, outReceived, n);
                outReceived += n;
                outData1 = !outData1;
                outComplete = outReceived >= wLength || packet.length < EP0_MAX_PACKET
                        || outReceived == OUT_STAGE_BYTES;
                wake = outComplete;
                reply = UsbReply.ACK;
            } else if (!hostToDevice && answer == Answer.DATA) {
                answer = Answer.DONE; // the status stage of a control read
                reply = UsbReply.ACK;
            } else {
                reply = answer == Answer.NONE ? UsbReply.NAK : UsbReply.STALL;
            }
        }
        if (wake) {
            onEvent.run();
        }
        return reply;
    }

    @Override
    public UsbReply in(int toAddress, int endpoint, UsbPacket into) {
        boolean wake;
        synchronized (this) {
            if (toAddress != address || endpoint >= ENDPOINTS) {
                return UsbReply.NONE;
            }
            if (endpoint == 0) {
                return controlIn(into);
            }
            int length = fifoLength[endpoint];
            if (length < 0) {
                return UsbReply.NAK;
            }
            into.set(fifo[endpoint], 0, length, inData1[endpoint]);
            inData1[endpoint] = !inData1[endpoint];
            fifoLength[endpoint] = -1;
            wake = true;
            changes.signal();
        }
        if (wake) {
            onEvent.run(); // XFRC: the endpoint is free again
        }
        return UsbReply.DATA;
    }

    @Override
    public long changes() {
        return changes.count();
    }

    @Override
    public void awaitChange(long seen, long timeoutNanos) throws InterruptedException {
        changes.await(seen, timeoutNanos);
    }

    private void setSuspended(boolean value) {
        synchronized (this) {
            suspended = value;
        }
        onEvent.run();
    }

    /** The device's current bus address (what it answers tokens on). */
    public synchronized int address() {
        return address;
    }

    private UsbReply controlIn(UsbPacket into) {
        if (answer == Answer.STALL) {
            return UsbReply.STALL;
        }
        if (!hostToDevice && answer == Answer.DATA && (inSent < inLength || zeroLengthDue)) {
            int n = Math.min(EP0_MAX_PACKET, inLength - inSent);
            into.set(inStage, inSent, n, inData1[0]);
            inData1[0] = !inData1[0];
            inSent += n;
            if (n == 0) {
                zeroLengthDue = false;
            }
            return UsbReply.DATA;
        }
        if (hostToDevice && answer == Answer.ACK) {
            into.set(inStage, 0, 0, true); // the status stage: a zero-length DATA1
            answer = Answer.DONE;
            if (pendingAddress >= 0) {
                address = pendingAddress;
                pendingAddress = -1;
            }
            return UsbReply.DATA;
        }
        return UsbReply.NAK;
    }

    private void answer(Answer answered) {
        answer = answered;
        changes.signal();
    }

    private static void checkEndpoint(int endpoint) {
        if (endpoint < 1 || endpoint >= ENDPOINTS) {
            throw new IllegalArgumentException("endpoint " + endpoint + " does not exist: OTG_FS has IN endpoints 1.."
                    + (ENDPOINTS - 1));
        }
    }
}
