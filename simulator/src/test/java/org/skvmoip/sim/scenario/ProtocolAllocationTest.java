package org.skvmoip.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.sim.probe.AllocationProbe;
import org.skvmoip.sim.probe.AllocationResult;

/** Every keystroke is an authenticated frame; decoding and verifying one must not feed a garbage collector. */
class ProtocolAllocationTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void anAuthenticatedKeyboardFrameIsEncodedDecodedAndVerifiedWithoutAllocating() throws Exception {
        // -Xint in the child JVM: escape analysis cannot hide an allocation.
        AllocationResult result = AllocationProbe.measure(ProtocolKeyboardScenario.class, 2_000, 5_000);

        assertThat(result.totalBytes())
                .as("bytes allocated by %d keyboard frames with keep-alives", result.iterations())
                .isZero();
    }
}
