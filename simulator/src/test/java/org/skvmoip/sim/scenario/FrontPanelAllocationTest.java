package org.skvmoip.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.sim.probe.AllocationProbe;
import org.skvmoip.sim.probe.AllocationResult;

/** The front panel runs on every main-loop wake-up: it must not allocate. */
class FrontPanelAllocationTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void pollAndPressesAllocateNothingWhileTheTargetPowersOnRebootsAndPowersOff() {
        // 6 000 steps of 10 ms: a minute of simulated time, every press kind twice and more.
        AllocationResult result = AllocationProbe.measure(FrontPanelScenario.class, 1_500, 6_000);

        assertThat(result.totalBytes())
                .as("bytes allocated by %d front-panel steps", result.iterations())
                .isZero();
    }
}
