package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The register models' rules from RM0368 and ES0182, through the bus as the C reaches them. */
class RegisterModelsTest {

    private static final int RCC_CR = 0x4002_3800;
    private static final int RCC_PLLCFGR = 0x4002_3804;
    private static final int RCC_CFGR = 0x4002_3808;
    private static final int FLASH_ACR = 0x4002_3C00;
    private static final int FLASH_KEYR = 0x4002_3C04;
    private static final int FLASH_SR = 0x4002_3C0C;
    private static final int FLASH_CR = 0x4002_3C10;
    private static final int GPIOA_MODER = 0x4002_0000;
    private static final int GPIOA_PUPDR = 0x4002_000C;
    private static final int GPIOA_IDR = 0x4002_0010;
    private static final int GPIOA_AFRL = 0x4002_0020;
    private static final int SPI1_CR1 = 0x4001_3000;
    private static final int SPI1_SR = 0x4001_3008;
    private static final int SPI1_DR = 0x4001_300C;
    private static final int SETTINGS_SECTOR_2 = 0x0800_8000;
    private static final int SECTOR_3 = 0x0800_C000;
    /** HSE / 25 * 336 / 4 = 84 MHz, / 7 = 48 MHz (RM0368 §6.3.2). */
    private static final int PLL_84_MHZ = 25 | 336 << 6 | 1 << 16 | Rcc.PLLCFGR_PLLSRC_HSE | 7 << 24;
    private static final int SW_PLL = 2;
    private static final int PPRE1_DIV2 = 4 << 10;

    private final Stm32Chip chip = Chips.plain();
    private final Stm32Bus bus = chip.bus();

    private void pllOn() {
        bus.write(RCC_CR, Rcc.CR_HSION | Rcc.CR_HSEON);
        bus.write(RCC_PLLCFGR, PLL_84_MHZ);
        bus.write(RCC_CR, Rcc.CR_HSION | Rcc.CR_HSEON | Rcc.CR_PLLON);
    }

    @Test
    void the84MhzClockTreeGivesSpiItsBaudAndUsbIts48Mhz() {
        pllOn();
        bus.write(FLASH_ACR, 2);
        bus.write(RCC_CFGR, PPRE1_DIV2 | SW_PLL);

        assertThat(bus.read(RCC_CFGR) >>> 2 & 3).as("SWS").isEqualTo(SW_PLL);
        assertThat(chip.rcc().hclkHz()).isEqualTo(84_000_000L);
        assertThat(chip.rcc().pclk1Hz()).isEqualTo(42_000_000L);
        assertThat(chip.rcc().pll48Hz()).isEqualTo(48_000_000L);
        Chips.enableClocks(bus);
        bus.write(SPI1_CR1, Spi.CR1_MSTR | 1 << Spi.CR1_BR_SHIFT | Spi.CR1_SSM | Spi.CR1_SSI | Spi.CR1_SPE);
        assertThat(chip.spi1().baudHz()).isEqualTo(21_000_000L);
    }

    @Test
    void switchingTo84MhzWithTooFewFlashWaitStatesIsRefused() {
        pllOn();
        bus.write(FLASH_ACR, 1);

        assertThatThrownBy(() -> bus.write(RCC_CFGR, PPRE1_DIV2 | SW_PLL))
                .isInstanceOf(BusFault.class).hasMessageContaining("LATENCY 1").hasMessageContaining("needs 2");
    }

    @Test
    void apb1LeftUndividedAt84MhzIsRefused() {
        pllOn();
        bus.write(FLASH_ACR, 2);

        assertThatThrownBy(() -> bus.write(RCC_CFGR, SW_PLL))
                .isInstanceOf(BusFault.class).hasMessageContaining("APB1 at 84 MHz");
    }

    @Test
    void anAccessRightAfterTheClockEnableIsLostUnlessRccIsReadBackFirst() {
        bus.write(Chips.RCC_AHB1ENR, Rcc.AHB1ENR_GPIOAEN);
        bus.write(GPIOA_MODER, 0xA800_0100); // lost: ES0182 §2.1
        assertThat(bus.lostAccesses()).singleElement().asString().contains("ES0182");

        bus.read(Chips.RCC_AHB1ENR);
        bus.write(GPIOA_MODER, 0xA800_0100);

        assertThat(chip.port(Stm32Chip.PORT_A).mode(4)).isEqualTo(Gpio.MODE_OUTPUT);
    }

    @Test
    void anUndrivenInputReadsItsPullAndADriverWins() {
        Chips.enableClocks(bus);
        PinInput button = chip.input(Stm32Chip.PORT_A, 0, false);
        button.release();
        bus.write(GPIOA_PUPDR, bus.read(GPIOA_PUPDR) | 1); // PA0 pull-up
        assertThat(bus.read(GPIOA_IDR) & 1).isEqualTo(1);

        button.drive(false);
        assertThat(bus.read(GPIOA_IDR) & 1).isZero();

        button.release();
        bus.write(GPIOA_PUPDR, bus.read(GPIOA_PUPDR) & ~3); // floating
        assertThat(bus.read(GPIOA_IDR) & 1).isZero();
    }

    @Test
    void aPinDrivesItsWireOnlyAsAnOutput() {
        Chips.enableClocks(bus);
        boolean[] wire = {false};
        chip.output(Stm32Chip.PORT_A, 4, high -> wire[0] = high, false);
        bus.write(0x4002_0018, 1 << 4); // BSRR: ODR4 = 1 while PA4 is still an input
        assertThat(wire[0]).isFalse();

        bus.write(GPIOA_MODER, bus.read(GPIOA_MODER) | 1 << 8);
        assertThat(wire[0]).isTrue();
    }

    @Test
    void spi1ReachesItsWiresOnlyThroughPa5ToPa7InAlternateFunction5() {
        Chips.Recorder far = new Chips.Recorder();
        Stm32Chip wired = Chips.with(far);
        Stm32Bus b = wired.bus();
        Chips.enableClocks(b);
        b.write(SPI1_CR1, Spi.CR1_MSTR | Spi.CR1_SSM | Spi.CR1_SSI | Spi.CR1_SPE);
        b.write(GPIOA_MODER, b.read(GPIOA_MODER) | 2 << 10 | 2 << 12 | 2 << 14);

        b.write(SPI1_DR, 0x11); // AF0: the pins are not SPI1's
        assertThat(far.bytes).isEmpty();
        assertThat(b.read(SPI1_SR) & Spi.SR_RXNE).as("a byte still shifts in (zeros)").isNotZero();
        b.read(SPI1_DR);

        b.write(GPIOA_AFRL, 0x555 << 20);
        b.write(SPI1_DR, 0x22);
        assertThat(far.bytes).containsExactly(0x22);
        assertThat(b.read(SPI1_DR)).isEqualTo(0xA5);
    }

    @Test
    void flashProgramsOnlyWhenUnlockedWithPgAndX32AndOnlyClearsBits() {
        bus.write(SETTINGS_SECTOR_2, 0x1234_5678);
        assertThat(bus.read(FLASH_SR) & FlashInterface.SR_WRPERR).as("locked").isNotZero();
        bus.write(FLASH_SR, -1);

        bus.write(FLASH_KEYR, FlashInterface.KEY1);
        bus.write(FLASH_KEYR, FlashInterface.KEY2);
        bus.write(SETTINGS_SECTOR_2, 0x1234_5678);
        assertThat(bus.read(FLASH_SR) & FlashInterface.SR_PGSERR).as("no PG").isNotZero();
        bus.write(FLASH_SR, -1);

        bus.write(FLASH_CR, FlashInterface.CR_PG); // PSIZE x8
        bus.write(SETTINGS_SECTOR_2, 0x1234_5678);
        assertThat(bus.read(FLASH_SR) & FlashInterface.SR_PGPERR).as("x8 with a 32-bit access").isNotZero();
        bus.write(FLASH_SR, -1);

        bus.write(FLASH_CR, FlashInterface.CR_PG | FlashInterface.PSIZE_X32 << FlashInterface.CR_PSIZE_SHIFT);
        bus.write(SETTINGS_SECTOR_2, 0x1234_5678);
        bus.write(SETTINGS_SECTOR_2, 0xFFFF_00FF);
        assertThat(bus.read(SETTINGS_SECTOR_2)).isEqualTo(0x1234_0078);
        assertThat(bus.read(FLASH_SR)).isZero();
    }

    @Test
    void aSectorEraseSetsThatSectorOnly() {
        bus.write(FLASH_KEYR, FlashInterface.KEY1);
        bus.write(FLASH_KEYR, FlashInterface.KEY2);
        bus.write(FLASH_CR, FlashInterface.CR_PG | FlashInterface.PSIZE_X32 << FlashInterface.CR_PSIZE_SHIFT);
        bus.write(SETTINGS_SECTOR_2, 0);
        bus.write(SECTOR_3, 0);

        bus.write(FLASH_CR, FlashInterface.CR_SER | 2 << FlashInterface.CR_SNB_SHIFT
                | FlashInterface.PSIZE_X32 << FlashInterface.CR_PSIZE_SHIFT);
        bus.write(FLASH_CR, bus.read(FLASH_CR) | FlashInterface.CR_STRT);

        assertThat(bus.read(SETTINGS_SECTOR_2)).isEqualTo(-1);
        assertThat(bus.read(SECTOR_3)).isZero();
    }

    @Test
    void aWrongFlashKeyIsABusFaultAndLocksUntilReset() {
        assertThatThrownBy(() -> bus.write(FLASH_KEYR, 0x1111_1111)).isInstanceOf(BusFault.class)
                .hasMessageContaining("0x45670123");
        bus.write(FLASH_CR, 0); // ignored: still locked

        assertThatThrownBy(() -> bus.write(FLASH_KEYR, FlashInterface.KEY1)).isInstanceOf(BusFault.class);
        assertThat(bus.read(FLASH_CR) & FlashInterface.CR_LOCK).isNotZero();
    }

    @Test
    void anEdgeOnAMaskedLineIsNotPendingAndOnAnUnmaskedOneIs() {
        Chips.enableClocks(bus);
        PinInput pin = chip.input(Stm32Chip.PORT_A, 0, false);
        bus.write(0x4001_3C08, 1); // RTSR: rising on line 0

        pin.drive(true);
        bus.read(GPIOA_IDR);
        assertThat(chip.exti().pending()).isZero();

        bus.write(0x4001_3C00, 1); // IMR
        pin.drive(false);
        pin.drive(true); // a pulse the CPU did not look at in between
        bus.read(GPIOA_IDR);
        assertThat(chip.exti().pending()).isEqualTo(1);
        assertThat(chip.nvic().isPending(Exti.IRQ_EXTI0)).isTrue();
    }

    @Test
    void channel18IsTheTemperatureSensorOnlyWithVbatOff() {
        Chips.enableClocks(bus);
        bus.write(0x4001_2034, Adc.CHANNEL_TEMPERATURE); // SQR3: SQ1 = 18
        bus.write(0x4001_2304, 1 << 16 | Adc.CCR_TSVREFE); // ADCPRE /4: 4 MHz on the HSI
        bus.write(0x4001_2008, Adc.CR2_ADON | Adc.CR2_SWSTART);
        int sensor = bus.read(0x4001_204C);
        bus.write(0x4001_2304, 1 << 16 | Adc.CCR_TSVREFE | Adc.CCR_VBATE);
        bus.write(0x4001_2008, Adc.CR2_ADON | Adc.CR2_SWSTART);
        int vbat = bus.read(0x4001_204C);

        assertThat(sensor).as("0.7725 V at 30 °C").isBetween(950, 970);
        assertThat(vbat).as("VBAT / 4").isBetween(1018, 1030);
    }

    @Test
    void theOtgFsCoreAnswersAt0x50000000OnlyWithItsClock() {
        bus.read(0x5000_000C);
        assertThat(bus.lostAccesses()).singleElement().asString().contains("OTG_FS's clock is off");

        bus.write(0x4002_3834, Rcc.AHB2ENR_OTGFSEN);
        bus.read(0x4002_3834);

        assertThat(bus.read(0x5000_000C)).as("GUSBCFG").isEqualTo(0x0000_0A00);
    }

    @Test
    void anUnmappedAddressNamesWhatTheF401HasThere() {
        assertThatThrownBy(() -> bus.read(0x4000_5400)).isInstanceOf(BusFault.class).hasMessageContaining("I2C1");
        assertThatThrownBy(() -> bus.read(0x3000_0000)).hasMessageContaining("reserved");
    }
}
