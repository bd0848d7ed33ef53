package org.skvmoip.sim.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.sim.probe.AllocationProbe;
import org.skvmoip.sim.probe.AllocationResult;

class DhcpAllocationTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theDhcpClientAllocatesNothingWhileBoundOrRenewing() throws Exception {
        AllocationResult result = AllocationProbe.measure(DhcpExchangeScenario.class, 500, 3_000);

        assertThat(result.totalBytes())
                .as("bytes allocated by %d DHCP polls across renewals", result.iterations())
                .isZero();
    }
}
