package org.skvmoip.sim.stm32;

import org.skvmoip.hal.Board;
import org.skvmoip.hal.Clock;
import org.skvmoip.hal.ConfigStore;
import org.skvmoip.hal.Crypto;
import org.skvmoip.hal.DigitalInput;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.Events;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;
import org.skvmoip.hal.UniqueId;
import org.skvmoip.hal.UsbDevice;
import org.skvmoip.hal.Watchdog;

/**
 * The device's binding with the simulator's Java USB device in place of {@code usb()}, which on
 * this branch's Stm32F401Board still throws: the OTG_FS driver (C) and its register model are
 * being written by colleagues. Everything else is the device's own binding over its own C.
 */
final class JavaUsbBoard implements Board {

    private final Board device;
    private final UsbDevice usb;

    JavaUsbBoard(Board device, UsbDevice usb) {
        this.device = device;
        this.usb = usb;
    }

    @Override
    public SpiDevice w5500Spi() {
        return device.w5500Spi();
    }

    @Override
    public DigitalOutput w5500Reset() {
        return device.w5500Reset();
    }

    @Override
    public InterruptLine w5500Interrupt() {
        return device.w5500Interrupt();
    }

    @Override
    public Events events() {
        return device.events();
    }

    @Override
    public UsbDevice usb() {
        return usb;
    }

    @Override
    public DigitalOutput powerButton() {
        return device.powerButton();
    }

    @Override
    public DigitalOutput resetButton() {
        return device.resetButton();
    }

    @Override
    public DigitalInput powerLed() {
        return device.powerLed();
    }

    @Override
    public DigitalInput hddLed() {
        return device.hddLed();
    }

    @Override
    public DigitalInput factoryResetButton() {
        return device.factoryResetButton();
    }

    @Override
    public ConfigStore configStore() {
        return device.configStore();
    }

    @Override
    public UniqueId uniqueId() {
        return device.uniqueId();
    }

    @Override
    public Watchdog watchdog() {
        return device.watchdog();
    }

    @Override
    public Crypto crypto() {
        return device.crypto();
    }

    @Override
    public Clock clock() {
        return device.clock();
    }
}
