package org.skvmoip.sim.scenario;

import org.skvmoip.firmware.hid.UsbHid;
import org.skvmoip.sim.probe.AllocationScenario;
import org.skvmoip.sim.usb.HidProtocol;
import org.skvmoip.sim.usb.HostInputListener;
import org.skvmoip.sim.usb.SimUsbDevice;
import org.skvmoip.sim.usb.UsbHostModel;
import org.skvmoip.sim.usb.UsbPacket;

/**
 * The firmware's USB HID path in steady state: each {@link #runOnce()} changes the keyboard
 * state, queues a relative move big enough to be split and an absolute move, runs one 1 ms frame
 * of {@link UsbHid#poll} and sends an IN token to each endpoint through the USB cable, as the
 * host does, without allocating on the host side, so every byte counted is the firmware's.
 */
public final class UsbHidTrafficScenario implements AllocationScenario {

    private static final byte[][] KEY_STATES = {{0x04, 0x05}, {0x04}, {}, {0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A}};

    private final UsbPacket packet = new UsbPacket();
    private SimUsbDevice device;
    private UsbHid hid;
    private long now;
    private int step;

    @Override
    public void setUp() {
        device = new SimUsbDevice();
        hid = new UsbHid(device, new byte[12]);
        UsbHostModel host = new UsbHostModel(device, new HostInputListener() {
            @Override
            public void keyDown(int usage) {
            }

            @Override
            public void keyUp(int usage) {
            }

            @Override
            public void pointerRelative(int dx, int dy, int buttons, int wheel, int pan) {
            }

            @Override
            public void pointerAbsolute(int x, int y, int buttons, int wheel, int pan) {
            }
        }, () -> hid.poll(++now));
        host.enumerate(HidProtocol.REPORT);
        host.setIdle(UsbHid.KEYBOARD, 1); // 4 ms idle repeats run through the same path
    }

    @Override
    public void runOnce() {
        step++;
        byte[] keys = KEY_STATES[step % KEY_STATES.length];
        hid.keyboard(step & 0x02, keys, 0, keys.length);
        if ((step & 0x0F) == 0) {
            hid.mouseMove(step & 0x01, 300, -200, 1, 0);
        }
        hid.pointer(step & 0x01, step * 7, 32767 - step, 0, 0);
        if ((step & 0x3FF) == 0) {
            hid.releaseAll();
        }
        hid.poll(++now);
        for (int ep = 1; ep <= 3; ep++) {
            device.in(UsbHostModel.ADDRESS, ep, packet);
        }
    }

    @Override
    public void tearDown() {
        if (!hid.isConfigured()) {
            throw new IllegalStateException("the device was not configured: nothing was measured");
        }
    }
}
