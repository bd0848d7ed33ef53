package org.skvmoip.sim.usb;

/**
 * The count behind {@link UsbDevicePort#changes()} and {@link UsbDevicePort#awaitChange}, for
 * a device side to share. Its monitor is held only inside these methods and never while calling
 * out, so a device may signal while holding its own lock.
 */
public final class DeviceChanges {

    private long count;

    public synchronized void signal() {
        count++;
        notifyAll();
    }

    public synchronized long count() {
        return count;
    }

    public synchronized void await(long seen, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (count == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(left / 1_000_000L, (int) (left % 1_000_000L));
        }
    }
}
