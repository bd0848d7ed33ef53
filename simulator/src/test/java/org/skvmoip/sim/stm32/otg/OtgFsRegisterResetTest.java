package org.skvmoip.sim.stm32.otg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** RM0368 §22.16's reset values as a golden table, and the registers' access rules. */
class OtgFsRegisterResetTest {

    private final OtgFsModel core = new OtgFsModel(level -> { }, () -> true, () -> 48_000_000L);

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "registers.csv", useHeadersInDisplayName = true)
    void givenAFreshCoreWhenARegisterIsReadThenItHoldsItsResetValue(String name, String offset, String read) {
        assertThat("0x%08X".formatted(core.read(Integer.decode(offset))))
                .as(name).isEqualTo("0x" + read.substring(2).toUpperCase());
    }

    @Test
    void givenTheClockOffWhenRegistersAreAccessedThenTheyReadZeroAndIgnoreWrites() {
        boolean[] clock = {false};
        OtgFsModel gated = new OtgFsModel(level -> { }, () -> clock[0], () -> 48_000_000L);

        gated.write(GAHBCFG, GAHBCFG_GINTMSK);
        assertThat(gated.read(CID)).isZero();
        clock[0] = true;

        assertThat(gated.read(GAHBCFG)).isZero();
        assertThat(gated.read(CID)).isEqualTo(0x1200);
    }

    @Test
    void givenInterruptFlagsWhenOnesAreWrittenThenOnlyTheRcW1BitsClear() {
        core.write(GCCFG, GCCFG_PWRDWN | GCCFG_NOVBUSSENS);
        core.busReset();
        core.startOfFrame(5);
        assertThat(core.read(GINTSTS) & (GINTSTS_USBRST | GINTSTS_ENUMDNE | GINTSTS_SOF))
                .isEqualTo(GINTSTS_USBRST | GINTSTS_ENUMDNE | GINTSTS_SOF);

        core.write(GINTSTS, GINTSTS_USBRST | GINTSTS_PTXFE | GINTSTS_NPTXFE);

        assertThat(core.read(GINTSTS)).isEqualTo(GINTSTS_ENUMDNE | GINTSTS_SOF | GINTSTS_PTXFE | GINTSTS_NPTXFE);
        assertThat(core.read(DSTS) >>> DSTS_FNSOF_SHIFT & 0x3FFF).isEqualTo(5);
    }

    @Test
    void givenARunningCoreWhenCsrstIsWrittenThenItClearsItselfAndTheInterruptsButKeepsTheForcedMode() {
        core.write(GUSBCFG, GUSBCFG_FDMOD);
        core.write(GINTMSK, GINTSTS_USBRST);
        core.write(GCCFG, GCCFG_PWRDWN | GCCFG_NOVBUSSENS);
        core.busReset();

        core.write(GRSTCTL, GRSTCTL_CSRST);

        assertThat(core.read(GRSTCTL) & GRSTCTL_CSRST).isZero();
        assertThat(core.read(GINTSTS)).isEqualTo(0x04000020);
        assertThat(core.read(GINTMSK)).isZero();
        assertThat(core.read(GUSBCFG) & GUSBCFG_FDMOD).isEqualTo(GUSBCFG_FDMOD);
    }

    @Test
    void givenAHostRegisterWhenItIsTouchedInDeviceModeThenMmisIsSet() {
        core.read(0x400);

        assertThat(core.read(GINTSTS) & GINTSTS_MMIS).isEqualTo(GINTSTS_MMIS);
    }
}
