package org.skvmoip.sim.usb;

/** The device broke the USB or HID protocol as the host model saw it (stall, timeout, wrong report length). */
public final class UsbHostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsbHostException(String message) {
        super(message);
    }
}
