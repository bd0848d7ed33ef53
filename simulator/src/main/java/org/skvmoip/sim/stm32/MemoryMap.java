package org.skvmoip.sim.stm32;

/**
 * The STM32F401's memory map as RM0368 §2.3 (table 1, register boundary addresses) and PM0214
 * §4.1 (the Cortex-M4's private peripherals) give it: base addresses of the blocks the board's
 * C uses, and the names of all the others, so an access the simulator does not serve says what
 * it would have reached.
 */
public final class MemoryMap {

    private MemoryMap() {
    }

    // Code and memories (F401CC: 256 KB flash, 64 KB SRAM)
    public static final int FLASH_MEMORY = 0x0800_0000;
    public static final int SYSTEM_MEMORY = 0x1FFF_0000;
    /** Unique device id, 96 bits (RM0368 §24.1); the flash size word follows at 0x1FFF7A22. */
    public static final int UID = 0x1FFF_7A10;
    public static final int SRAM = 0x2000_0000;

    // APB1
    public static final int IWDG = 0x4000_3000;
    // APB2
    public static final int ADC1 = 0x4001_2000;
    public static final int SPI1 = 0x4001_3000;
    public static final int SYSCFG = 0x4001_3800;
    public static final int EXTI = 0x4001_3C00;
    // AHB1
    public static final int GPIOA = 0x4002_0000;
    public static final int GPIOB = 0x4002_0400;
    public static final int GPIOC = 0x4002_0800;
    public static final int RCC = 0x4002_3800;
    public static final int FLASH_INTERFACE = 0x4002_3C00;
    // AHB2
    public static final int OTG_FS = 0x5000_0000;
    // Cortex-M4 private peripherals (PM0214 §4.1)
    public static final int SYSTICK = 0xE000_E010;
    public static final int NVIC = 0xE000_E100;
    public static final int SCB = 0xE000_ED00;
    public static final int DBGMCU = 0xE004_2000;

    /** Table 1's blocks (base, size, name), for naming an address no model serves. */
    private static final Object[][] TABLE_1 = {
        {0x0800_0000, 0x0004_0000, "main flash memory (256 KB)"},
        {0x1FFF_0000, 0x0000_7800, "system memory (boot loader)"},
        {0x1FFF_7800, 0x0000_0210, "OTP area"},
        {0x1FFF_C000, 0x0000_0010, "option bytes"},
        {0x2000_0000, 0x0001_0000, "SRAM (64 KB)"},
        {0x4000_0000, 0x400, "TIM2"}, {0x4000_0400, 0x400, "TIM3"}, {0x4000_0800, 0x400, "TIM4"},
        {0x4000_0C00, 0x400, "TIM5"}, {0x4000_2800, 0x400, "RTC and BKP registers"}, {0x4000_2C00, 0x400, "WWDG"},
        {0x4000_3000, 0x400, "IWDG"}, {0x4000_3400, 0x400, "I2S2ext"}, {0x4000_3800, 0x400, "SPI2/I2S2"},
        {0x4000_3C00, 0x400, "SPI3/I2S3"}, {0x4000_4000, 0x400, "I2S3ext"}, {0x4000_4400, 0x400, "USART2"},
        {0x4000_5400, 0x400, "I2C1"}, {0x4000_5800, 0x400, "I2C2"}, {0x4000_5C00, 0x400, "I2C3"},
        {0x4000_7000, 0x400, "PWR"},
        {0x4001_0000, 0x400, "TIM1"}, {0x4001_1000, 0x400, "USART1"}, {0x4001_1400, 0x400, "USART6"},
        {0x4001_2000, 0x400, "ADC1"}, {0x4001_2C00, 0x400, "SDIO"}, {0x4001_3000, 0x400, "SPI1"},
        {0x4001_3400, 0x400, "SPI4"}, {0x4001_3800, 0x400, "SYSCFG"}, {0x4001_3C00, 0x400, "EXTI"},
        {0x4001_4000, 0x400, "TIM9"}, {0x4001_4400, 0x400, "TIM10"}, {0x4001_4800, 0x400, "TIM11"},
        {0x4002_0000, 0x400, "GPIOA"}, {0x4002_0400, 0x400, "GPIOB"}, {0x4002_0800, 0x400, "GPIOC"},
        {0x4002_0C00, 0x400, "GPIOD"}, {0x4002_1000, 0x400, "GPIOE"}, {0x4002_1C00, 0x400, "GPIOH"},
        {0x4002_3000, 0x400, "CRC"}, {0x4002_3800, 0x400, "RCC"}, {0x4002_3C00, 0x400, "flash interface registers"},
        {0x4002_6000, 0x400, "DMA1"}, {0x4002_6400, 0x400, "DMA2"},
        {0x5000_0000, 0x0004_0000, "USB OTG FS"},
        {0xE000_0000, 0x0010_0000, "Cortex-M4 internal peripherals"},
    };

    /** What RM0368 table 1 puts at {@code address}, or "nothing (reserved)". */
    public static String nameOf(int address) {
        long a = address & 0xFFFF_FFFFL;
        for (Object[] row : TABLE_1) {
            long base = ((Integer) row[0]) & 0xFFFF_FFFFL;
            if (a >= base && a < base + (Integer) row[1]) {
                return (String) row[2];
            }
        }
        return "nothing (reserved)";
    }
}
