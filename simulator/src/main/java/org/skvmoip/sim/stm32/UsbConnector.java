package org.skvmoip.sim.stm32;

import org.skvmoip.sim.stm32.otg.OtgFsModel;
import org.skvmoip.sim.usb.DeviceChanges;
import org.skvmoip.sim.usb.UsbDevicePort;
import org.skvmoip.sim.usb.UsbPacket;
import org.skvmoip.sim.usb.UsbReply;

/**
 * The board's USB connector: the one cable end a host keeps while the chip behind it is replaced
 * at every power-up. It reaches the OTG_FS core of the chip now running; while the chip is reset
 * there is none, and the host gets no answer, as from a device that dropped off the bus.
 */
final class UsbConnector implements UsbDevicePort {

    /** {@link #changes()}: the number of chips plugged in above these bits, the core's own count below. */
    private static final int CORE_BITS = 40;
    private static final long CORE_MASK = (1L << CORE_BITS) - 1;

    private final DeviceChanges swaps = new DeviceChanges();
    private volatile OtgFsModel core;

    /** The chip of a new power cycle; null while there is none (in reset). */
    void plug(OtgFsModel next) {
        core = next;
        swaps.signal();
    }

    @Override
    public void busReset() {
        OtgFsModel c = core;
        if (c != null) {
            c.busReset();
        }
    }

    @Override
    public void suspend() {
        OtgFsModel c = core;
        if (c != null) {
            c.suspend();
        }
    }

    @Override
    public void resume() {
        OtgFsModel c = core;
        if (c != null) {
            c.resume();
        }
    }

    @Override
    public void startOfFrame(int frameNumber) {
        OtgFsModel c = core;
        if (c != null) {
            c.startOfFrame(frameNumber);
        }
    }

    @Override
    public UsbReply setup(int address, int endpoint, byte[] setup8) {
        OtgFsModel c = core;
        return c == null ? UsbReply.NONE : c.setup(address, endpoint, setup8);
    }

    @Override
    public UsbReply out(int address, int endpoint, UsbPacket packet) {
        OtgFsModel c = core;
        return c == null ? UsbReply.NONE : c.out(address, endpoint, packet);
    }

    @Override
    public UsbReply in(int address, int endpoint, UsbPacket into) {
        OtgFsModel c = core;
        return c == null ? UsbReply.NONE : c.in(address, endpoint, into);
    }

    @Override
    public long changes() {
        OtgFsModel c = core;
        return swaps.count() << CORE_BITS | (c == null ? 0 : c.changes() & CORE_MASK);
    }

    @Override
    public void awaitChange(long seen, long timeoutNanos) throws InterruptedException {
        OtgFsModel c = core;
        if (changes() != seen) {
            return;
        }
        // A chip swapped in meanwhile does not end this wait early: the host's waits are short.
        if (c == null) {
            swaps.await(seen >>> CORE_BITS, timeoutNanos);
        } else {
            c.awaitChange(seen & CORE_MASK, timeoutNanos);
        }
    }
}
