package org.skvmoip.sim.stm32;

import java.util.List;

import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.ModuleMain;
import org.skvmoip.hal.Board;
import org.skvmoip.hal.ConfigStore;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.gpio.Wire;
import org.skvmoip.sim.stm32.host.BoardClassLoader;
import org.skvmoip.sim.stm32.host.CBridge;
import org.skvmoip.sim.stm32.host.CLibrary;
import org.skvmoip.sim.stm32.host.NativeBuild;
import org.skvmoip.sim.usb.UsbDevicePort;
import org.skvmoip.sim.w5500.HostNetwork;
import org.skvmoip.sim.w5500.W5500Model;

/**
 * The simulator's {@code stm32} board: the device's own C (mcu-hal/src/main/c, built for this
 * host) behind the device's own Java binding ({@code Stm32F401Board}), on an {@link Stm32Chip}
 * whose pins are wired as docs/wiring.md says: SPI1 (PA5-7) and SCSn (PA4), RSTn (PB0) and INTn
 * (PB1) to a W5500 model, the front-panel lines (PB12-15) to the target machine, the KEY button
 * on PA0. What is outside the chip - the W5500, the wires, the flash array - outlives a reset;
 * each power-up is a fresh chip and a fresh copy of the C, in a fresh class loader.
 * USB is the device's too: its OTG_FS driver on the chip's OTG_FS core, whose side of the cable
 * a host reaches through {@link #usbPort()}.
 */
public final class Stm32SimBoard implements AutoCloseable {

    private static final String BOARD_CLASS = "org.skvmoip.hal.stm32.Stm32F401Board";
    // docs/wiring.md (and Stm32F401Board, wiring.c)
    private static final int W5500_CS = 4;
    private static final int W5500_RST = 0;
    private static final int W5500_INT = 1;
    private static final int POWER_BUTTON = 12;
    private static final int RESET_BUTTON = 13;
    private static final int POWER_LED = 14;
    private static final int HDD_LED = 15;
    private static final int FACTORY_RESET = 0;

    private final int index;
    private final String name;
    private final W5500Model w5500;
    private final SimBoard.Wiring wiring;
    private final UsbConnector usb = new UsbConnector();
    private final int[] flash = Stm32Chip.erasedFlash();
    private final CLibrary library;
    private volatile Stm32Chip chip;
    private volatile Board board;
    private volatile Firmware firmware;
    private volatile PinInput intn;
    private volatile PinInput powerLed;
    private volatile PinInput hddLed;
    private volatile PinInput factoryReset;
    private volatile boolean keyHeld;
    private volatile Runnable restarted = () -> { };
    private volatile boolean running = true;
    private int powerUps;
    private int watchdogResets;

    public Stm32SimBoard(int index, HostNetwork network, SimBoard.Wiring wiring) {
        this(index, network, wiring, CLibrary.device());
    }

    /** A board running {@code library} (a test's variant of the device's C) instead of the device's. */
    public Stm32SimBoard(int index, HostNetwork network, SimBoard.Wiring wiring, CLibrary library) {
        this.index = index;
        this.name = "stm32-" + index;
        this.w5500 = new W5500Model(network);
        this.wiring = wiring;
        this.library = library.checkRunnable();
        w5500.onInterrupt(() -> {
            PinInput pin = intn;
            if (pin != null) {
                pin.drive(false); // INTn is open drain: asserted pulls low, released reads the pull-up
            }
        });
        wiring.powerLed().addListener((wire, high) -> follow(powerLed, high));
        wiring.hddLed().addListener((wire, high) -> follow(hddLed, high));
    }

    private static void follow(PinInput pin, boolean high) {
        if (pin != null) {
            pin.drive(high);
        }
    }

    /**
     * Power-up: a fresh chip (flash kept) and a fresh copy of the C, the device's binding
     * constructed on it (its {@code init} native runs here), and a firmware on that board.
     */
    public synchronized Firmware powerUp() {
        return powerUp(false);
    }

    private synchronized Firmware powerUp(boolean afterWatchdog) {
        Stm32Chip old = chip;
        if (old != null) {
            old.core().stop();
        }
        usb.plug(null); // a chip in reset has no pull-up: the host sees the device leave
        Stm32Chip next = new Stm32Chip(name + "." + powerUps, index, flash, new W5500Wires(), this::chipReset);
        if (afterWatchdog) {
            next.rcc().watchdogReset();
        }
        wire(next);
        usb.plug(next.otgFs());
        chip = next;
        powerUps++;
        Class<?> natives;
        try {
            natives = Class.forName(NativeBuild.DEVICE_NATIVES, false, Stm32SimBoard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the device binding (mcu-hal) is not on the class path", e);
        }
        CLibrary.Loaded loaded = library.load(name + "." + powerUps,
                BoardClassLoader.DEVICE_BINDING, List.of(natives, CBridge.class), next.core());
        next.core().start(loaded.c());
        int clock = loaded.c().powerOn();
        if (clock != 0) {
            throw new IllegalStateException(name + ": clock_init answered " + clock + " (drivers/clock.h): the board "
                    + "would run on the 16 MHz HSI");
        }
        try {
            board = (Board) Class.forName(BOARD_CLASS, true, loaded.loader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(name + ": the device binding did not start on the stm32 board: "
                    + cause.getMessage(), cause);
        }
        firmware = ModuleMain.powerUp(board); // as the device image's main does
        return firmware;
    }

    private void wire(Stm32Chip next) {
        W5500Wires spi = (W5500Wires) next.spi1Link();
        next.output(Stm32Chip.PORT_A, W5500_CS, high -> spi.select(!high), true);
        next.output(Stm32Chip.PORT_B, W5500_RST, high -> {
            if (high) {
                w5500.resetPin().high();
            } else {
                w5500.resetPin().low();
            }
            refreshInterrupt();
        }, true);
        intn = next.input(Stm32Chip.PORT_B, W5500_INT, false);
        intn.release();
        refreshInterrupt();
        next.output(Stm32Chip.PORT_B, POWER_BUTTON, wiring.powerButton()::drive, false);
        next.output(Stm32Chip.PORT_B, RESET_BUTTON, wiring.resetButton()::drive, false);
        powerLed = next.input(Stm32Chip.PORT_B, POWER_LED, wiring.powerLed().level());
        hddLed = next.input(Stm32Chip.PORT_B, HDD_LED, wiring.hddLed().level());
        factoryReset = next.input(Stm32Chip.PORT_A, FACTORY_RESET, false);
        holdFactoryReset(keyHeld);
    }

    /** INTn after the firmware's own SPI traffic or a chip reset, which can release it. */
    private void refreshInterrupt() {
        PinInput pin = intn;
        if (pin == null) {
            return;
        }
        if (w5500.interruptLine().isAsserted()) {
            pin.drive(false);
        } else {
            pin.release();
        }
    }

    /** The chip reset itself (under its CPU): the firmware's next entry into the C ends its run. */
    private void chipReset(String reason, boolean byWatchdog) {
        chip.core().reset(reason + (byWatchdog ? " [watchdog]" : ""));
    }

    /**
     * Runs the firmware as the board's power would: from power-up, and again from power-up after
     * every reset (the watchdog's, SYSRESETREQ), until {@link #stop()}.
     */
    public void run() {
        Firmware current = firmware != null ? firmware : powerUp();
        while (running) {
            try {
                current.run();
                return;
            } catch (Stm32Core.BoardReset e) {
                if (!running) {
                    return;
                }
                boolean byWatchdog = e.getMessage().endsWith("[watchdog]");
                current = powerUp(byWatchdog);
                if (byWatchdog) {
                    synchronized (this) {
                        watchdogResets++; // counted once the new firmware is up, as the Java board's module does
                    }
                }
                restarted.run();
            }
        }
    }

    /**
     * Told on the firmware's thread each time the board has powered up again after a reset, once
     * the new firmware's USB device is on the bus: a host enumerates it again from here.
     */
    public void onRestart(Runnable listener) {
        restarted = listener;
    }

    public void stop() {
        running = false;
        Firmware current = firmware;
        if (current != null) {
            current.stop();
        }
    }

    /** Hold (true) or release the KEY button (PA0 to ground), as a person would at power-up. */
    public void holdFactoryReset(boolean held) {
        keyHeld = held;
        PinInput pin = factoryReset;
        if (pin != null) {
            if (held) {
                pin.drive(false);
            } else {
                pin.release();
            }
        }
    }

    /** The firmware of the current power cycle. */
    public Firmware firmware() {
        return firmware;
    }

    /** The device's binding of the current power cycle, as the firmware sees it. */
    public Board board() {
        return board;
    }

    /** The chip of the current power cycle. */
    public Stm32Chip chip() {
        return chip;
    }

    public W5500Model w5500() {
        return w5500;
    }

    /** The board's USB connector, where a UsbHostModel plugs in: the current chip's OTG_FS core. */
    public UsbDevicePort usbPort() {
        return usb;
    }

    public synchronized int powerUps() {
        return powerUps;
    }

    /** Watchdog resets after which the board has powered up again (its new firmware constructed). */
    public synchronized int watchdogResets() {
        return watchdogResets;
    }

    /** The settings sectors as a flashing tool writes them while the board is off. */
    public ConfigStore programmer() {
        return new FlashProgrammer(flash);
    }

    /** The flash array's words (the settings sectors included), kept across resets. */
    public int[] flashWords() {
        return flash;
    }

    @Override
    public void close() {
        stop();
        Stm32Chip current = chip;
        if (current != null) {
            current.core().stop();
        }
        w5500.close();
    }

    /** SPI1's pins to the W5500's: SCSn is PA4 (wired above); SCK, MOSI and MISO here. */
    private final class W5500Wires implements SpiLink {
        @Override
        public void select(boolean selected) {
            w5500.chipSelect(selected);
            if (!selected) {
                refreshInterrupt();
            }
        }

        @Override
        public int exchange(int mosi) {
            return w5500.exchange(mosi);
        }
    }
}
