package org.skvmoip.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.sim.probe.AllocationProbe;
import org.skvmoip.sim.probe.AllocationResult;

/** Keyboard and mouse input reaches the target through the HID path with no garbage to collect. */
class UsbHidAllocationTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void givenSteadyKeyboardAndMouseTrafficWhenReportsArePushedThenNothingIsAllocated() {
        AllocationResult result = AllocationProbe.measure(UsbHidTrafficScenario.class, 2_000, 5_000);

        assertThat(result.totalBytes())
                .as("bytes allocated by %d frames of keyboard, relative and absolute reports", result.iterations())
                .isZero();
    }
}
