package org.skvmoip.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.stm32.DeviceC;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.sim.probe.AllocationProbe;
import org.skvmoip.sim.probe.AllocationResult;

/** The module has 64 KB of RAM and no time for a garbage collector in its input path. */
class FirmwareAllocationTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theMainLoopAllocatesNothingWhileEchoingTcpAndUdpTraffic() throws Exception {
        // -Xint in the child JVM: escape analysis cannot hide an allocation.
        AllocationResult result = AllocationProbe.measure(EchoTrafficScenario.class, 500, 3_000);

        assertThat(result.totalBytes())
                .as("bytes allocated by %d main-loop iterations under traffic", result.iterations())
                .isZero();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theMainLoopAllocatesNothingWhileServingAuthenticatedKeyboardAndPointerFrames() throws Exception {
        DeviceC.assumeBoardRunnable();
        AllocationResult result = AllocationProbe.measure(ControlTrafficScenario.class, 200, 1_500);

        assertThat(result.totalBytes())
                .as("bytes allocated by %d main-loop iterations under control traffic", result.iterations())
                .isZero();
    }
}
