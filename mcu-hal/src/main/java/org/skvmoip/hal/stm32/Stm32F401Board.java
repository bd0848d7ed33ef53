package org.skvmoip.hal.stm32;

import org.skvmoip.hal.Board;
import org.skvmoip.hal.Clock;
import org.skvmoip.hal.ConfigStore;
import org.skvmoip.hal.Crypto;
import org.skvmoip.hal.DigitalInput;
import org.skvmoip.hal.Events;
import org.skvmoip.hal.UniqueId;
import org.skvmoip.hal.UsbDevice;
import org.skvmoip.hal.Watchdog;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;

/**
 * The module board: an STM32F401CCU6 ("Black Pill") with a W5500 on SPI1. The wiring is the
 * table in docs/wiring.md and, for the C side that configures the pins, src/main/c/wiring.c;
 * change the three together (WiringTableTest checks that this class and wiring.c agree).
 */
public final class Stm32F401Board implements Board {

    private static final int PORT_A = 0;
    private static final int PORT_B = 1;

    /** W5500 SCSn: PA4 (SPI1's NSS pin, driven as a plain GPIO output so one frame is one call). */
    static final int W5500_CS = PORT_A * 16 + 4;
    /** W5500 RSTn: PB0. */
    static final int W5500_RST = PORT_B * 16 + 0;
    /** W5500 INTn: PB1 (EXTI1, falling edge). */
    static final int W5500_INT = PORT_B * 16 + 1;
    /** Front panel: PB12 power and PB13 reset optocouplers (high = pressed), PB14 power LED and
     *  PB15 HDD LED inputs (high = lit); all clear of the USB pins PA11/PA12. */
    static final int POWER_BUTTON = PORT_B * 16 + 12;
    static final int RESET_BUTTON = PORT_B * 16 + 13;
    static final int POWER_LED = PORT_B * 16 + 14;
    static final int HDD_LED = PORT_B * 16 + 15;
    /** The Black Pill's KEY button on PA0, to ground: active low. */
    static final int FACTORY_RESET = PORT_A * 16 + 0;

    private final SpiDevice w5500Spi;
    private final DigitalOutput w5500Reset;
    private final InterruptLine w5500Interrupt;
    private final Clock clock;
    private final Events events = new Stm32Pins.IrqEvents();
    private final DigitalOutput powerButton;
    private final DigitalOutput resetButton;
    private final DigitalInput powerLed = new Stm32Pins.Input(POWER_LED, false);
    private final DigitalInput hddLed = new Stm32Pins.Input(HDD_LED, false);
    private final DigitalInput factoryReset = new Stm32Pins.Input(FACTORY_RESET, false);
    private final ConfigStore configStore = new Stm32ConfigStore();
    private final UniqueId uniqueId = new Stm32UniqueId();
    private final Watchdog watchdog = new Stm32Watchdog();
    private final Crypto crypto;

    public Stm32F401Board() {
        Stm32Natives.init();
        w5500Spi = new Stm32Pins.Spi(W5500_CS);
        w5500Reset = new Stm32Pins.Output(W5500_RST, true);
        w5500Interrupt = new Stm32Pins.ActiveLowIrq(W5500_INT);
        clock = new Stm32Pins.PlatformClock();
        powerButton = new Stm32Pins.Output(POWER_BUTTON, false);
        resetButton = new Stm32Pins.Output(RESET_BUTTON, false);
        crypto = new Stm32Crypto();
    }

    public Events events() {
        return events;
    }

    /**
     * Not yet: the OTG_FS device driver (C side of {@code UsbDevice}) is still to be written, so
     * a device image cannot act as keyboard and mouse yet. The simulator's board has it.
     */
    public UsbDevice usb() {
        throw new IllegalStateException("USB device binding for the STM32F401 OTG_FS core is not written yet");
    }

    public Crypto crypto() {
        return crypto;
    }

    public DigitalOutput powerButton() {
        return powerButton;
    }

    public DigitalOutput resetButton() {
        return resetButton;
    }

    public DigitalInput powerLed() {
        return powerLed;
    }

    public DigitalInput hddLed() {
        return hddLed;
    }

    public DigitalInput factoryResetButton() {
        return factoryReset;
    }

    public ConfigStore configStore() {
        return configStore;
    }

    public UniqueId uniqueId() {
        return uniqueId;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    public SpiDevice w5500Spi() {
        return w5500Spi;
    }

    public DigitalOutput w5500Reset() {
        return w5500Reset;
    }

    public InterruptLine w5500Interrupt() {
        return w5500Interrupt;
    }

    public Clock clock() {
        return clock;
    }
}
