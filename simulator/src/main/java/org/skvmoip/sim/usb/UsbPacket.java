package org.skvmoip.sim.usb;

/**
 * One full-speed data packet's payload and PID (DATA0 or DATA1), reused by its owner so that a
 * transaction allocates nothing. At most {@link #MAX} bytes: the largest full-speed control and
 * interrupt wMaxPacketSize (USB 2.0 §5.5.3, §5.7.3).
 */
public final class UsbPacket {

    public static final int MAX = 64;

    public final byte[] bytes = new byte[MAX];
    public int length;
    /** True for a DATA1 PID, false for DATA0 (USB 2.0 §8.6). */
    public boolean data1;

    public void set(byte[] src, int off, int len, boolean pidData1) {
        if (len < 0 || len > MAX) {
            throw new IllegalArgumentException("a full-speed packet holds 0.." + MAX + " bytes, not " + len);
        }
        System.arraycopy(src, off, bytes, 0, len);
        length = len;
        data1 = pidData1;
    }
}
