package org.skvmoip.hal;

/**
 * The module's hardware as the firmware sees it: what is wired to what. The device binding
 * ({@code org.skvmoip.hal.stm32.Stm32F401Board}) and the simulator each provide one; the
 * firmware depends on nothing else.
 */
public interface Board {

    /** The W5500 on its SPI bus and chip-select pin. */
    SpiDevice w5500Spi();

    /** The W5500's RSTn pin (active low). */
    DigitalOutput w5500Reset();

    /** The W5500's INTn pin (active low). */
    InterruptLine w5500Interrupt();

    /** Where the main loop sleeps until an interrupt (W5500 INTn, USB) or a deadline. */
    Events events();

    /** The USB device port toward the target machine (full speed, HID). */
    UsbDevice usb();

    /** Front-panel power button, through an optocoupler: high = pressed. */
    DigitalOutput powerButton();

    /** Front-panel reset button, through an optocoupler: high = pressed. */
    DigitalOutput resetButton();

    /** The target's power LED: high = lit. */
    DigitalInput powerLed();

    /** The target's HDD activity LED: high = lit. */
    DigitalInput hddLed();

    /** The module's own factory-reset button, active low (held at power-up clears the secret). */
    DigitalInput factoryResetButton();

    /** Flash pages for the module's settings. */
    ConfigStore configStore();

    /** The MCU's 96-bit unique id. */
    UniqueId uniqueId();

    Watchdog watchdog();

    /** HMAC-SHA256 and random bytes from the platform, never hand-written primitives. */
    Crypto crypto();

    Clock clock();
}
