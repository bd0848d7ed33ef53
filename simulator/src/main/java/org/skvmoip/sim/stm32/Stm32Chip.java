package org.skvmoip.sim.stm32;

import org.skvmoip.sim.stm32.otg.OtgFsModel;

/**
 * One STM32F401CCU6 as its C sees it: the core ({@link Stm32Core}) and the register models on
 * one bus, at their RM0368 addresses, each block behind its RCC clock gate. What is outside the
 * chip (the W5500, the front panel, the USB cable) is wired to its pins and blocks by the board
 * ({@link Stm32SimBoard}). The flash array is the board's, kept across resets.
 */
public final class Stm32Chip {

    public static final int PORT_A = 0;
    public static final int PORT_B = 1;
    public static final int PORT_C = 2;
    /** RM0368 table 38: OTG_FS global interrupt. */
    public static final int IRQ_OTG_FS = 67;
    /** RM0368 table 1: 0x5000_0000 - 0x5003_FFFF. */
    private static final int OTG_FS_SIZE = 0x4_0000;

    private final Stm32Core core;
    private final Stm32Bus bus = new Stm32Bus();
    private final Nvic nvic = new Nvic();
    private final FlashInterface flash;
    private final Rcc rcc;
    private final Syscfg syscfg = new Syscfg();
    private final Exti exti;
    private final Gpio[] ports = new Gpio[3];
    private final Spi spi1;
    private final Iwdg iwdg;
    private final Adc adc;
    private final Dbgmcu dbgmcu = new Dbgmcu();
    private final SpiLink spi1Link;
    private final OtgFsModel otgFs;

    /**
     * @param name        the board's name (threads, loaders)
     * @param moduleIndex picks the unique id and the ADC's noise
     * @param flashArray  the flash words ({@link #erasedFlash()} for a new part), kept by the board
     * @param spi1Link    what SPI1's pins reach
     * @param reset       told (under the CPU) when the chip resets itself: watchdog, SYSRESETREQ
     */
    public Stm32Chip(String name, int moduleIndex, int[] flashArray, SpiLink spi1Link, ResetListener reset) {
        core = new Stm32Core(name, bus, nvic);
        this.spi1Link = spi1Link;
        // FLASH and RCC check each other (wait states against HCLK): through rcc(), as a lambda
        // may not read the final field before it is assigned.
        flash = new FlashInterface(flashArray, latency -> rcc().checkFlashLatency(latency));
        rcc = new Rcc(flash::latency);
        exti = new Exti(syscfg, nvic);
        for (int p = 0; p < ports.length; p++) {
            ports[p] = new Gpio(p, exti);
            core.addInput(ports[p]::sampleInputs);
        }
        spi1 = new Spi(ports[PORT_A], spi1Link, rcc::pclk2Hz);
        iwdg = new Iwdg(() -> reset.reset("the independent watchdog ran out (IWDG)", true));
        core.addTimer(iwdg);
        adc = new Adc(rcc::pclk2Hz, 0x5EED_0000L + moduleIndex);
        SystemControl scb = new SystemControl(() -> reset.reset("the C asked for a system reset (AIRCR.SYSRESETREQ)",
                false));

        bus.map("flash memory", MemoryMap.FLASH_MEMORY, FlashInterface.ARRAY_BYTES, flash.array())
                .map("unique id", MemoryMap.UID, SystemMemory.SIZE, new SystemMemory(moduleIndex))
                .map("IWDG", MemoryMap.IWDG, Iwdg.SIZE, iwdg)
                .map("ADC1", MemoryMap.ADC1, Adc.SIZE, adc, rcc.gate(Rcc.APB2ENR, Rcc.APB2ENR_ADC1EN, "ADC1"))
                .map("SPI1", MemoryMap.SPI1, Spi.SIZE, spi1, rcc.gate(Rcc.APB2ENR, Rcc.APB2ENR_SPI1EN, "SPI1"))
                .map("SYSCFG", MemoryMap.SYSCFG, Syscfg.SIZE, syscfg,
                        rcc.gate(Rcc.APB2ENR, Rcc.APB2ENR_SYSCFGEN, "SYSCFG"))
                .map("EXTI", MemoryMap.EXTI, Exti.SIZE, exti)
                .map("GPIOA", MemoryMap.GPIOA, Gpio.SIZE, ports[PORT_A],
                        rcc.gate(Rcc.AHB1ENR, Rcc.AHB1ENR_GPIOAEN, "GPIOA"))
                .map("GPIOB", MemoryMap.GPIOB, Gpio.SIZE, ports[PORT_B],
                        rcc.gate(Rcc.AHB1ENR, Rcc.AHB1ENR_GPIOBEN, "GPIOB"))
                .map("GPIOC", MemoryMap.GPIOC, Gpio.SIZE, ports[PORT_C],
                        rcc.gate(Rcc.AHB1ENR, Rcc.AHB1ENR_GPIOCEN, "GPIOC"))
                .map("RCC", MemoryMap.RCC, Rcc.SIZE, rcc)
                .map("flash interface", MemoryMap.FLASH_INTERFACE, FlashInterface.SIZE, flash)
                .map("SysTick", MemoryMap.SYSTICK, SysTick.SIZE, new SysTick())
                .map("NVIC", MemoryMap.NVIC, Nvic.SIZE, nvic)
                .map("SCB", MemoryMap.SCB, SystemControl.SIZE, scb)
                .map("DBGMCU", MemoryMap.DBGMCU, Dbgmcu.SIZE, dbgmcu);
        // The USB core, the device side of the USB cable (its model: stm32.otg).
        otgFs = new OtgFsModel(nvic.line(IRQ_OTG_FS), () -> rcc.isEnabled(Rcc.AHB2ENR, Rcc.AHB2ENR_OTGFSEN),
                rcc::pll48Hz);
        mapAhb2("OTG_FS", MemoryMap.OTG_FS, OTG_FS_SIZE, otgFs, Rcc.AHB2ENR_OTGFSEN);
    }

    /** Told when the chip resets itself. */
    public interface ResetListener {
        /** @param byWatchdog whether RCC_CSR will say IWDGRSTF */
        void reset(String reason, boolean byWatchdog);
    }

    public static int[] erasedFlash() {
        return FlashInterface.erasedArray();
    }

    /** Maps a block the board supplies (the OTG_FS core), behind the clock gate of its enable bit. */
    public void mapAhb2(String name, int base, int size, Peripheral block, int enableBit) {
        bus.map(name, base, size, block, rcc.gate(Rcc.AHB2ENR, enableBit, name));
    }

    /** Wires an external driver to a pin; {@code initial}: its level now. */
    public PinInput input(int port, int pin, boolean initial) {
        PinInput input = new PinInput(core, initial);
        ports[port].connectInput(pin, input);
        return input;
    }

    /** Wires a pin to what it drives; {@code releasedLevel}: the level while the pin does not drive. */
    public void output(int port, int pin, PinOutput output, boolean releasedLevel) {
        ports[port].connectOutput(pin, output, releasedLevel);
    }

    SpiLink spi1Link() {
        return spi1Link;
    }

    public Stm32Core core() {
        return core;
    }

    public Stm32Bus bus() {
        return bus;
    }

    public Nvic nvic() {
        return nvic;
    }

    public Rcc rcc() {
        return rcc;
    }

    public Gpio port(int port) {
        return ports[port];
    }

    public Exti exti() {
        return exti;
    }

    public Spi spi1() {
        return spi1;
    }

    public Iwdg iwdg() {
        return iwdg;
    }

    /** The OTG_FS core: where a USB host side plugs its cable in (UsbDevicePort). */
    public OtgFsModel otgFs() {
        return otgFs;
    }

    public Dbgmcu dbgmcu() {
        return dbgmcu;
    }
}
