package org.skvmoip.sim.stm32.otg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The core's interrupt line: GINTSTS & GINTMSK gated by GAHBCFG.GINTMSK, endpoint bits through DAINT. */
class OtgFsInterruptTest {

    private final List<Boolean> line = new ArrayList<>();
    private final OtgFsModel core = new OtgFsModel(line::add, () -> true, () -> 48_000_000L);

    @Test
    void givenAnUnmaskedTxFifoEmptyWhenTheFifoFillsAndEmptiesThenIepintAndTheLineFollowIt() {
        core.write(GRXFSIZ, 128);
        core.write(DIEPTXF0, 64 << FIFO_DEPTH_SHIFT | 128);
        core.write(dieptxf(1), 64 << FIFO_DEPTH_SHIFT | 192);
        core.write(diepctl(1), EPCTL_USBAEP | EPTYP_INTERRUPT << EPCTL_EPTYP_SHIFT | 8 | 1 << EPCTL_TXFNUM_SHIFT);
        core.write(GAHBCFG, GAHBCFG_GINTMSK | GAHBCFG_TXFELVL);
        core.write(GINTMSK, GINTSTS_IEPINT);
        core.write(DAINTMSK, 1 << 1);
        assertThat(line).as("TXFE alone is masked by DIEPEMPMSK").isEmpty();

        core.write(DIEPEMPMSK, 1 << 1);
        boolean empty = (core.read(GINTSTS) & GINTSTS_IEPINT) != 0;
        core.write(FIFO_WINDOW + FIFO_WINDOW_SIZE, 0x04030201);
        boolean filled = (core.read(GINTSTS) & GINTSTS_IEPINT) != 0;

        assertThat(empty).isTrue();
        assertThat(filled).isFalse();
        assertThat(core.read(DAINT)).isZero();
        assertThat(line).containsExactly(true, false);
    }

    @Test
    void givenPendingInterruptsWhenTheGlobalMaskIsOffThenTheLineStaysLow() {
        core.write(GCCFG, GCCFG_PWRDWN | GCCFG_NOVBUSSENS);
        core.write(GINTMSK, GINTSTS_USBRST);
        core.busReset();
        assertThat(line).isEmpty();

        core.write(GAHBCFG, GAHBCFG_GINTMSK);
        core.write(GINTSTS, GINTSTS_USBRST);

        assertThat(line).containsExactly(true, false);
    }
}
