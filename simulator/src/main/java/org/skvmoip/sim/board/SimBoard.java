package org.skvmoip.sim.board;

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
import org.skvmoip.sim.gpio.SimPin;
import org.skvmoip.sim.gpio.Wire;
import org.skvmoip.sim.machine.VirtualTarget;
import org.skvmoip.sim.usb.SimUsbDevice;
import org.skvmoip.sim.w5500.HostNetwork;
import org.skvmoip.sim.w5500.W5500Model;

/**
 * The module board with every part simulated at the level of its datasheet: the W5500 model on
 * SPI, a USB device port, front-panel lines wired to a target machine, flash pages, a unique id
 * and a watchdog. Interrupts from the W5500 and the USB port wake the firmware through
 * {@link SimEvents}, as EXTI and OTG_FS interrupts do on the device.
 */
public final class SimBoard implements Board, AutoCloseable {

    /** The four front-panel lines between the module and its target machine. */
    public record Wiring(Wire powerButton, Wire resetButton, Wire powerLed, Wire hddLed) {

        /** Lines that go nowhere: buttons press nothing, LEDs stay dark. */
        public static Wiring unconnected() {
            return new Wiring(new Wire("power-button"), new Wire("reset-button"), new Wire("power-led"),
                    new Wire("hdd-led"));
        }

        public static Wiring to(VirtualTarget target) {
            return new Wiring(target.powerButtonLine(), target.resetButtonLine(), target.powerLedLine(),
                    target.hddLedLine());
        }
    }

    private final W5500Model w5500;
    private final Clock clock;
    private final SimEvents events;
    private final SimUsbDevice usb = new SimUsbDevice();
    private final SimPin powerButton;
    private final SimPin resetButton;
    private final SimPin powerLed;
    private final SimPin hddLed;
    private final Wire factoryResetLine = new Wire("factory-reset");
    private final SimPin factoryResetButton = new SimPin(factoryResetLine);
    private final SimConfigStore configStore;
    private final SimUniqueId uniqueId;
    private final SimWatchdog watchdog;
    private final JdkCrypto crypto = new JdkCrypto();

    /** A board whose front panel is connected to nothing, with an in-memory config store. */
    public SimBoard(HostNetwork network) {
        this(0, network, Wiring.unconnected(), new SimConfigStore());
    }

    public SimBoard(int index, HostNetwork network, Wiring wiring, SimConfigStore configStore) {
        this(index, network, wiring, configStore, SystemClock.INSTANCE);
    }

    /**
     * @param clock the firmware's time: {@link SystemClock#INSTANCE}, or a {@link ManualClock}
     *              for tests that step time themselves (the W5500 model keeps real time)
     */
    public SimBoard(int index, HostNetwork network, Wiring wiring, SimConfigStore configStore, Clock clock) {
        this.clock = clock;
        this.events = new SimEvents(clock);
        this.w5500 = new W5500Model(network);
        this.powerButton = new SimPin(wiring.powerButton());
        this.resetButton = new SimPin(wiring.resetButton());
        this.powerLed = new SimPin(wiring.powerLed());
        this.hddLed = new SimPin(wiring.hddLed());
        this.configStore = configStore;
        this.uniqueId = new SimUniqueId(index);
        this.watchdog = new SimWatchdog(clock, null);
        factoryResetLine.drive(true); // active low: released
        // INTn's falling edges only, as EXTI1 on the device takes them: a second interrupt while
        // INTn is still low wakes nobody, and the firmware must look at the line itself.
        w5500.onInterrupt(events::signal);
        usb.onEvent(events::signal);
        // The LED lines' edges wake the loop, as EXTI15_10 does on the device.
        wiring.powerLed().addListener((wire, level) -> events.signal());
        wiring.hddLed().addListener((wire, level) -> events.signal());
    }

    /** The simulated chip, for fault injection and SPI counters. */
    public W5500Model w5500() {
        return w5500;
    }

    /** The USB port's host side, where a {@code UsbHostModel} plugs in. */
    public SimUsbDevice usbPort() {
        return usb;
    }

    /** Hold (true) or release the factory-reset button, as a person would at power-up. */
    public void holdFactoryReset(boolean held) {
        factoryResetLine.drive(!held);
    }

    /** Fault injection: the firmware's loop stops in its next wait and never kicks the watchdog again. */
    public void hangFirmware() {
        events.hang();
    }

    /**
     * The MCU's half of a reset (IWDG or power-up), the firmware's thread being told by
     * {@link McuReset}: GPIOs back to floating inputs, so the front-panel optocouplers let go of
     * any button the old firmware held. The W5500, flash and the target are other chips and
     * keep their state; the new firmware resets the W5500 through RSTn itself.
     */
    public void haltMcu() {
        events.halt();
        powerButton.low();
        resetButton.low();
    }

    /** After {@link #haltMcu()}, once the old firmware's thread has ended: ready for a new one. */
    public void powerUpMcu() {
        events.powerUp();
    }

    public SimWatchdog simWatchdog() {
        return watchdog;
    }

    public SimConfigStore simConfigStore() {
        return configStore;
    }

    @Override
    public SpiDevice w5500Spi() {
        return w5500;
    }

    @Override
    public DigitalOutput w5500Reset() {
        return w5500.resetPin();
    }

    @Override
    public InterruptLine w5500Interrupt() {
        return w5500.interruptLine();
    }

    @Override
    public Events events() {
        return events;
    }

    @Override
    public UsbDevice usb() {
        return usb;
    }

    @Override
    public DigitalOutput powerButton() {
        return powerButton;
    }

    @Override
    public DigitalOutput resetButton() {
        return resetButton;
    }

    @Override
    public DigitalInput powerLed() {
        return powerLed;
    }

    @Override
    public DigitalInput hddLed() {
        return hddLed;
    }

    @Override
    public DigitalInput factoryResetButton() {
        return factoryResetButton;
    }

    @Override
    public ConfigStore configStore() {
        return configStore;
    }

    @Override
    public UniqueId uniqueId() {
        return uniqueId;
    }

    @Override
    public Watchdog watchdog() {
        return watchdog;
    }

    @Override
    public Crypto crypto() {
        return crypto;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        w5500.close();
    }
}
