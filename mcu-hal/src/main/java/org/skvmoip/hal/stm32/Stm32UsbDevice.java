package org.skvmoip.hal.stm32;

import org.skvmoip.hal.UsbDevice;

/**
 * The board's USB port: the STM32F401's OTG_FS core as a full-speed device, driven by
 * {@code src/main/c/drivers/usb_device.c} through the {@code usb*} natives. This class checks
 * every index and length before the call, so the C side never reads or writes outside a Java
 * array; C copies the bytes during the call.
 */
public final class Stm32UsbDevice implements UsbDevice {

    /** The OTG_FS core's interrupt IN endpoints are 1..3 (EP0 is the control endpoint). */
    static final int LAST_ENDPOINT = 3;
    /** Full-speed interrupt endpoints carry at most 64 bytes a packet (USB 2.0 §5.7.3). */
    static final int MAX_INTERRUPT_PACKET = 64;

    private static final int ERR_AHB_NOT_IDLE = -1;
    private static final int ERR_RESET_STUCK = -2;
    private static final int ERR_NOT_DEVICE = -3;

    private final int[] maxPacket = new int[LAST_ENDPOINT + 1];

    /** Brings the core up and connects to the host; throws when the core does not answer. */
    Stm32UsbDevice() {
        int status = Stm32Natives.usbInit();
        if (status != 0) {
            throw new IllegalStateException(startFailure(status));
        }
    }

    static String startFailure(int status) {
        switch (status) {
            case ERR_AHB_NOT_IDLE:
                return "USB (OTG_FS) did not start: the core's AHB master never went idle for its soft reset";
            case ERR_RESET_STUCK:
                return "USB (OTG_FS) did not start: the core never finished its reset or FIFO flush; check that"
                        + " RCC gives it the 48 MHz clock (PLL Q output)";
            case ERR_NOT_DEVICE:
                return "USB (OTG_FS) did not start: the core stayed in host mode after forcing device mode";
            default:
                return "USB (OTG_FS) did not start: unknown driver status " + status;
        }
    }

    public boolean pollBusReset() {
        boolean reset = Stm32Natives.usbPollBusReset();
        if (reset) {
            forgetEndpoints();
        }
        return reset;
    }

    public boolean pollSetup(byte[] setup8) {
        if (setup8.length < SETUP_LENGTH) {
            throw new IllegalArgumentException("a SETUP packet is " + SETUP_LENGTH + " bytes; the buffer has "
                    + setup8.length);
        }
        return Stm32Natives.usbPollSetup(setup8);
    }

    public int controlOut(byte[] dst, int off, int max) {
        checkRange(dst, off, max);
        return Stm32Natives.usbControlOut(dst, off, max);
    }

    public void controlIn(byte[] data, int off, int len) {
        if (len > MAX_CONTROL_IN) {
            throw new IllegalStateException("controlIn of " + len + " bytes exceeds the C side's EP0 buffer of "
                    + MAX_CONTROL_IN);
        }
        checkRange(data, off, len);
        Stm32Natives.usbControlIn(data, off, len);
    }

    public void controlAck() {
        Stm32Natives.usbControlAck();
    }

    public void controlStall() {
        Stm32Natives.usbControlStall();
    }

    public void setAddress(int address) {
        if (address < 0 || address > 127) {
            throw new IllegalArgumentException("USB address " + address + " is outside 0..127");
        }
        Stm32Natives.usbSetAddress(address);
    }

    public void openInterruptIn(int endpoint, int max) {
        checkEndpoint(endpoint);
        if (max < 1 || max > MAX_INTERRUPT_PACKET) {
            throw new IllegalArgumentException("EP" + endpoint + ": a max packet size of " + max
                    + " is outside 1.." + MAX_INTERRUPT_PACKET + " (full-speed interrupt endpoint)");
        }
        Stm32Natives.usbOpenInterruptIn(endpoint, max);
        maxPacket[endpoint] = max;
    }

    public void closeEndpoints() {
        Stm32Natives.usbCloseEndpoints();
        forgetEndpoints();
    }

    public boolean endpointReady(int endpoint) {
        return Stm32Natives.usbEndpointReady(endpoint);
    }

    public boolean send(int endpoint, byte[] data, int off, int len) {
        checkEndpoint(endpoint);
        checkRange(data, off, len);
        if (maxPacket[endpoint] > 0 && len > maxPacket[endpoint]) {
            throw new IllegalStateException("a " + len + "-byte packet on EP" + endpoint
                    + " exceeds its wMaxPacketSize " + maxPacket[endpoint] + " (the host would see babble)");
        }
        return Stm32Natives.usbSend(endpoint, data, off, len);
    }

    public boolean isSuspended() {
        return Stm32Natives.usbIsSuspended();
    }

    private void forgetEndpoints() {
        for (int i = 0; i < maxPacket.length; i++) {
            maxPacket[i] = 0;
        }
    }

    private static void checkEndpoint(int endpoint) {
        if (endpoint < 1 || endpoint > LAST_ENDPOINT) {
            throw new IllegalArgumentException("endpoint " + endpoint + " does not exist: OTG_FS has interrupt IN"
                    + " endpoints 1.." + LAST_ENDPOINT);
        }
    }

    private static void checkRange(byte[] array, int off, int len) {
        if (off < 0 || len < 0 || off > array.length - len) {
            throw new IndexOutOfBoundsException("bytes " + off + ".." + (off + len) + " are outside an array of "
                    + array.length);
        }
    }
}
