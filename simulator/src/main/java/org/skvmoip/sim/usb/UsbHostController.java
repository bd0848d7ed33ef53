package org.skvmoip.sim.usb;

import java.util.Arrays;

/**
 * A host controller's half of the {@link UsbDevicePort cable}: turns transfers into transactions
 * and back. Control transfers (USB 2.0 §8.5.3): SETUP, the data stage in packets of up to 64
 * bytes from DATA1, the status stage in the other direction as a zero-length DATA1; interrupt IN
 * polling with the data toggle of §8.6.4 (a packet with the toggle already seen is a repeat and
 * dropped). NAKed transactions are sent again, as a controller does within the frame.
 *
 * <p>Lock-step: each NAK runs the firmware's {@code firmwareStep} once, up to
 * {@link #CONTROL_STEPS} per control transfer. Live ({@code firmwareStep} null): each NAK waits
 * for the device side to change, up to {@link #CONTROL_TIMEOUT_MILLIS} per control transfer.
 * Not thread-safe: one host thread owns it. Public for other host sides (a usbredir peer turns
 * QEMU's control and interrupt packets into calls here).
 */
public final class UsbHostController {

    /** How long a live control transfer waits for the firmware before the host gives up. */
    public static final long CONTROL_TIMEOUT_MILLIS = 1000;
    /** How many firmware steps a lock-step control transfer allows. */
    public static final int CONTROL_STEPS = 50;

    private static final int EP0_MAX_PACKET = 64;
    private static final int ENDPOINTS = 16;
    private static final long RETRY_WAIT_NANOS = 1_000_000L;

    private final UsbDevicePort port;
    private final Runnable firmwareStep;
    private final UsbPacket packet = new UsbPacket();
    private final boolean[] expectData1 = new boolean[ENDPOINTS];
    private int address;
    private int stepsLeft;
    private long deadline;

    /** @param firmwareStep one run of the firmware (lock-step), or null when it runs on its own thread */
    public UsbHostController(UsbDevicePort port, Runnable firmwareStep) {
        this.port = port;
        this.firmwareStep = firmwareStep;
    }

    /** Resets the bus: the device is at address 0 again and every toggle at DATA0. */
    public void busReset() {
        port.busReset();
        address = 0;
        Arrays.fill(expectData1, false);
    }

    /** The address the following transactions go to (after SET_ADDRESS has completed). */
    public void address(int newAddress) {
        address = newAddress;
    }

    public int address() {
        return address;
    }

    /** After SET_CONFIGURATION (USB 2.0 §9.1.1.5): every interrupt endpoint starts again at DATA0. */
    public void resetToggles() {
        Arrays.fill(expectData1, false);
    }

    public UsbDevicePort port() {
        return port;
    }

    /**
     * One control transfer on EP0; {@code outData} is the data stage of a host-to-device request.
     *
     * @throws UsbHostException when the device does not answer, or sends more than wLength
     */
    public ControlOutcome control(byte[] setup8, byte[] outData, String what) {
        stepsLeft = CONTROL_STEPS;
        deadline = System.nanoTime() + CONTROL_TIMEOUT_MILLIS * 1_000_000L;
        if (port.setup(address, 0, setup8) != UsbReply.ACK) {
            throw new UsbHostException("no device answered the SETUP of " + what + " at address " + address);
        }
        int wLength = (setup8[6] & 0xFF) | (setup8[7] & 0xFF) << 8;
        if ((setup8[0] & 0x80) != 0) {
            return controlRead(wLength, what);
        }
        return controlWrite(outData == null ? new byte[0] : outData, what);
    }

    /**
     * One interrupt IN poll of {@code endpoint}: copies a new report into {@code into} and returns
     * its length, or -1 when the device had none (NAK), did not answer, stalled, or repeated one.
     */
    public int interruptIn(int endpoint, UsbPacket into) {
        if (port.in(address, endpoint, into) != UsbReply.DATA) {
            return -1;
        }
        if (into.data1 != expectData1[endpoint]) {
            return -1;
        }
        expectData1[endpoint] = !expectData1[endpoint];
        return into.length;
    }

    private ControlOutcome controlRead(int wLength, String what) {
        byte[] data = new byte[wLength];
        int received = 0;
        boolean data1 = true;
        while (wLength > 0) {
            UsbReply reply = retried(what, () -> port.in(address, 0, packet));
            if (reply == UsbReply.STALL) {
                return ControlOutcome.STALL;
            }
            if (packet.data1 != data1) {
                continue; // our ACK of the previous packet was lost: this is that packet again
            }
            data1 = !data1;
            if (received + packet.length > wLength) {
                throw new UsbHostException("the device answered " + what + " with " + (received + packet.length)
                        + " bytes, more than wLength " + wLength);
            }
            System.arraycopy(packet.bytes, 0, data, received, packet.length);
            received += packet.length;
            if (packet.length < EP0_MAX_PACKET || received == wLength) {
                break;
            }
        }
        packet.set(data, 0, 0, true);
        if (retried(what, () -> port.out(address, 0, packet)) == UsbReply.STALL) {
            return ControlOutcome.STALL;
        }
        return ControlOutcome.data(data, 0, received);
    }

    private ControlOutcome controlWrite(byte[] outData, String what) {
        boolean data1 = true;
        for (int sent = 0; sent < outData.length; sent += EP0_MAX_PACKET) {
            packet.set(outData, sent, Math.min(EP0_MAX_PACKET, outData.length - sent), data1);
            if (retried(what, () -> port.out(address, 0, packet)) == UsbReply.STALL) {
                return ControlOutcome.STALL;
            }
            data1 = !data1;
        }
        UsbReply status = retried(what, () -> port.in(address, 0, packet));
        if (status == UsbReply.STALL) {
            return ControlOutcome.STALL;
        }
        if (packet.length != 0) {
            throw new UsbHostException("the device answered the status stage of " + what + " with "
                    + packet.length + " bytes; it is a zero-length packet");
        }
        return ControlOutcome.ACK;
    }

    private interface Transaction {
        UsbReply run();
    }

    /** Runs {@code transaction} until it is not NAKed; fails when no device answers or the budget is spent. */
    private UsbReply retried(String what, Transaction transaction) {
        while (true) {
            long seen = port.changes();
            UsbReply reply = transaction.run();
            if (reply == UsbReply.NONE) {
                throw new UsbHostException("no device answered " + what + " at address " + address);
            }
            if (reply != UsbReply.NAK) {
                return reply;
            }
            waitForDevice(seen, what);
        }
    }

    private void waitForDevice(long seen, String what) {
        if (firmwareStep != null) {
            if (stepsLeft-- <= 0) {
                throw new UsbHostException("the device did not answer " + what + " within " + CONTROL_STEPS
                        + " steps");
            }
            firmwareStep.run();
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new UsbHostException("the device did not answer " + what + " within " + CONTROL_TIMEOUT_MILLIS
                    + " ms");
        }
        try {
            port.awaitChange(seen, Math.min(left, RETRY_WAIT_NANOS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsbHostException("interrupted waiting for " + what);
        }
    }
}
