package org.skvmoip.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.protocol.Power;
import org.skvmoip.sim.control.ControlClient;
import org.skvmoip.sim.machine.PowerState;

/** The front panel through the protocol: presses the module times, the power LED it reports. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PowerEndToEndTest {

    /** The target forces itself off 4 s into the press; the module holds LONG_PRESS a little longer. */
    private static final Duration FORCE_OFF_WAIT = Duration.ofSeconds(10);

    private Rig rig;
    private ControlClient client;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.adopted();
        client = rig.session();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        rig.close();
    }

    @Test
    void givenTheTargetIsOffWhenShortPressThenItBootsAndTheModuleReportsThePowerLed() throws Exception {
        assertThat(client.fetchStatus(Poll.DEFAULT).powerLed()).as("off at first").isFalse();

        client.power(Power.SHORT_PRESS);

        client.awaitStatus(ControlClient.StatusView::powerLed, Rig.BOOT_WAIT);
        Poll.until("the target to boot", Rig.BOOT_WAIT, () -> rig.module.target().state() == PowerState.RUNNING,
                () -> rig.module.target().state());
        Poll.until("the power button line released", () -> !rig.module.target().powerButtonLine().isHigh());
    }

    @Test
    void givenTheTargetIsRunningWhenLongPressThenItIsForcedOffAndTheModuleReportsTheLedDark() throws Exception {
        rig.powerOn(client);
        client.awaitStatus(ControlClient.StatusView::powerLed, Poll.DEFAULT);

        client.power(Power.LONG_PRESS);

        client.awaitNextStatus(s -> !s.powerLed(), FORCE_OFF_WAIT);
        assertThat(rig.module.target().state()).isEqualTo(PowerState.OFF);
        Poll.until("the power button line released", FORCE_OFF_WAIT,
                () -> !rig.module.target().powerButtonLine().isHigh());
        assertThat(rig.module.target().state()).as("a forced off does not turn back on at the release")
                .isEqualTo(PowerState.OFF);
    }
}
