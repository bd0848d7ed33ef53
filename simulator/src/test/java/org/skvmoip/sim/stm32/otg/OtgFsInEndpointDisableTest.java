package org.skvmoip.sim.stm32.otg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.*;

import org.junit.jupiter.api.Test;

/**
 * RM0368 §22.17, "Disabling an IN endpoint", as drivers/usb_device.c does it on a bus reset, a new
 * SETUP over an unfinished IN stage, or an endpoint closed with a report still loaded: SNAK, wait
 * for DIEPINT.INEPNE, EPDIS, wait for DIEPINT.EPDISD. A core that never raised INEPNE left the C
 * spinning out its whole wait bound (200,000 register reads) on every such disable.
 */
class OtgFsInEndpointDisableTest {

    private final OtgFsModel core = new OtgFsModel(level -> { }, () -> true, () -> 48_000_000L);

    @Test
    void givenAnEnabledInEndpointWhenTheDriverSetsNakThenNakEffectiveIsRaisedAndThenTheDisableCompletes() {
        core.write(GRXFSIZ, 64);
        core.write(DIEPTXF0, 16 << FIFO_DEPTH_SHIFT | 64);
        core.write(dieptxf(1), 16 << FIFO_DEPTH_SHIFT | 80);
        core.write(diepctl(1), EPCTL_USBAEP | EPTYP_INTERRUPT << EPCTL_EPTYP_SHIFT | 8 | 1 << EPCTL_TXFNUM_SHIFT);
        core.write(dieptsiz(1), 1 << TSIZ_PKTCNT_SHIFT | 8);
        core.write(diepctl(1), core.read(diepctl(1)) | EPCTL_EPENA | EPCTL_CNAK);
        assertThat(core.read(diepint(1)) & DIEPINT_INEPNE).as("no NAK asked for yet").isZero();

        core.write(diepctl(1), core.read(diepctl(1)) | EPCTL_SNAK);
        int nakEffective = core.read(diepint(1)) & DIEPINT_INEPNE;
        core.write(diepctl(1), core.read(diepctl(1)) | EPCTL_SNAK | EPCTL_EPDIS);

        assertThat(nakEffective).isEqualTo(DIEPINT_INEPNE);
        assertThat(core.read(diepint(1)) & DIEPINT_EPDISD).isEqualTo(DIEPINT_EPDISD);
        assertThat(core.read(diepctl(1)) & EPCTL_EPENA).isZero();
    }

    @Test
    void nakEffectiveIsClearedByWritingOneAndByClearingTheNak() {
        core.write(diepctl(0), EPCTL_SNAK);
        core.write(diepint(0), DIEPINT_INEPNE);
        int afterWriteOne = core.read(diepint(0)) & DIEPINT_INEPNE;
        core.write(diepctl(0), EPCTL_SNAK);
        core.write(diepctl(0), EPCTL_CNAK);

        assertThat(afterWriteOne).isZero();
        assertThat(core.read(diepint(0)) & DIEPINT_INEPNE).isZero();
    }
}
