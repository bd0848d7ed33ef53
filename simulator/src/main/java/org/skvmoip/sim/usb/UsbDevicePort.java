package org.skvmoip.sim.usb;

/**
 * The USB "cable": the bus between one host and one full-speed device, at the level of bus
 * states and transactions (USB 2.0 ch. 7.1.7 and ch. 8), so that any device side (the Java
 * board's {@link SimUsbDevice}, the OTG_FS register model) meets any host side (the simulated
 * PC's {@link UsbHostModel}, or later a usbredir peer) without knowing which it is.
 *
 * <p>The host side calls, one call per transaction, from one thread; the device side answers at
 * once and never blocks on its firmware: a device that is not ready NAKs, as on the wire.
 * Addresses are 0..127, endpoints 0..15 without the direction bit.
 */
public interface UsbDevicePort {

    /** Reset signalling (SE0 for at least 10 ms, §7.1.7.5): the device goes to the Default state. */
    void busReset();

    /** The bus idles (no SOF) for more than 3 ms (§7.1.7.6). */
    void suspend();

    /** Resume signalling from the host (§7.1.7.7). */
    void resume();

    /** A start-of-frame packet with its 11-bit frame number, every 1 ms (§8.4.3). */
    void startOfFrame(int frameNumber);

    /**
     * A SETUP token and its DATA0 packet of 8 bytes to a control endpoint. A device that sees the
     * bus must ACK it (§8.5.3) even when busy; the host sees {@link UsbReply#NONE} otherwise.
     */
    UsbReply setup(int address, int endpoint, byte[] setup8);

    /** An OUT token and its data packet: ACK, NAK (not ready; send again), STALL or NONE. */
    UsbReply out(int address, int endpoint, UsbPacket packet);

    /** An IN token: {@link UsbReply#DATA} with the packet copied into {@code into}, or NAK, STALL, NONE. */
    UsbReply in(int address, int endpoint, UsbPacket into);

    /**
     * How many times the device side has changed what it may answer (a count that only grows).
     * Not a bus signal: a real host retries a NAKed transaction many times a frame; a simulated
     * one waits with {@link #awaitChange} instead of spinning.
     */
    long changes();

    /** Waits up to {@code timeoutNanos} while {@link #changes()} is still {@code seen}. */
    void awaitChange(long seen, long timeoutNanos) throws InterruptedException;
}
