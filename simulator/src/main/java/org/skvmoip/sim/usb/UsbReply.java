package org.skvmoip.sim.usb;

/**
 * What a device answers one token with (USB 2.0 §8.4.5, §8.5): the data packet of an IN, or a
 * handshake; {@link #NONE} when nothing answers (no device at that address, or a device whose
 * core does not see the bus), which the host's controller reports as a timeout.
 */
public enum UsbReply {
    /** An IN's data packet: it is in the caller's {@link UsbPacket}, and the host ACKs it. */
    DATA,
    ACK,
    NAK,
    STALL,
    NONE
}
