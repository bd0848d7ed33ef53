package org.skvmoip.hal;

/**
 * The module's full-speed USB device port as the firmware sees it: the C side answers the
 * hardware (FIFOs, packet splitting, handshakes), the Java side answers requests by polling.
 * Nothing calls back into Java; every method returns at once.
 *
 * <p>Device: {@code Stm32UsbDevice} over the {@code Stm32Natives.usb*} natives and the C driver
 * {@code drivers/usb_device.c} for the STM32F401's OTG_FS core in device mode (RM0368 ch. 22).
 * Its interrupt handler latches what happened: USBRST (bus reset: EP0 re-armed, other endpoints
 * closed, address 0), USBSUSP/WKUPINT (the suspended flag), a SETUP packet from the RX FIFO (of
 * back-to-back SETUPs the last wins, as the bus says), an EP0 OUT data stage of one packet into
 * a 64-byte C buffer, and XFRC on an IN endpoint (the endpoint is ready again); it sends the
 * further packets of an IN data stage itself. Data handed to C is copied into its TX FIFO or
 * EP0 buffer during the call, because a Java array may move after an SNI call returns. The same
 * handler wakes the main loop ({@code events_wake_main_loop}), like the W5500's INTn.
 *
 * <p>Control transfers (USB 2.0 §8.5.3): after {@link #pollSetup} the firmware answers with
 * exactly one of {@link #controlIn} (data stage, then C accepts the host's status stage),
 * {@link #controlAck} (zero-length status), or {@link #controlStall}; for a request with an OUT
 * data stage it first reads it with {@link #controlOut}.
 */
public interface UsbDevice {

    /** Bytes in a SETUP packet (USB 2.0 §9.3). */
    int SETUP_LENGTH = 8;

    /** The most a single {@link #controlIn} may send: C's EP0 transmit buffer. */
    int MAX_CONTROL_IN = 256;

    /**
     * Whether the bus was reset since the last call (clears the flag). After a reset the device
     * has address 0, only EP0 is open and any unanswered control request is forgotten.
     */
    boolean pollBusReset();

    /**
     * Copies the newest unanswered SETUP packet into {@code setup8} and returns true, or returns
     * false when none is waiting. A new SETUP aborts the previous control transfer.
     */
    boolean pollSetup(byte[] setup8);

    /**
     * The OUT data stage of the current control request: copies up to {@code max} bytes into
     * {@code dst} and returns their number, or -1 while the host has not sent them yet. Device:
     * one packet, at most 64 bytes (the firmware's only such request, SET_REPORT, has one byte).
     */
    int controlOut(byte[] dst, int off, int max);

    /**
     * Sends {@code len} bytes (at most {@link #MAX_CONTROL_IN}; the caller has already cut them
     * to wLength) as the IN data stage, split into 64-byte packets with a zero-length packet
     * where USB 2.0 §5.5.3 asks for one; more than {@link #MAX_CONTROL_IN} is an
     * IllegalStateException. Device: C cuts to wLength too, and drops an answer (this, or
     * {@link #controlAck}, {@link #controlStall}) when a newer SETUP is waiting to be polled.
     */
    void controlIn(byte[] data, int off, int len);

    /** Completes a request without an IN data stage with a zero-length status packet. */
    void controlAck();

    /** Answers the current control request with STALL (request error, USB 2.0 §9.2.7). */
    void controlStall();

    /**
     * Sets the device address after SET_ADDRESS. Device: DCFG.DAD is written at once; the core
     * keeps answering on the old address until the status stage is done.
     */
    void setAddress(int address);

    /**
     * Opens interrupt IN endpoint {@code endpoint} (1..3, the number without the direction bit)
     * for packets up to {@code maxPacket} bytes (1..64). Device: DIEPCTLx with EPTYP interrupt,
     * USBAEP, MPSIZ, TXFNUM = its own TX FIFO, DATA0 first.
     */
    void openInterruptIn(int endpoint, int maxPacket);

    /** Closes every endpoint but EP0 (SET_CONFIGURATION 0), dropping packets not yet taken. */
    void closeEndpoints();

    /** Whether {@code endpoint} is open and its previous packet was taken by the host. */
    boolean endpointReady(int endpoint);

    /**
     * Queues one packet on interrupt IN {@code endpoint} for the host's next poll. Returns false
     * (and sends nothing) when the endpoint is closed or still holds an untaken packet; a packet
     * longer than the endpoint's {@code maxPacket} is an IllegalStateException.
     */
    boolean send(int endpoint, byte[] data, int off, int len);

    /** Whether the host has suspended the bus (no SOF for 3 ms, USB 2.0 §7.1.7.6). */
    boolean isSuspended();
}
