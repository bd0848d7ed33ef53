package org.skvmoip.sim.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.net.ModuleIdentity;
import org.skvmoip.hal.Clock;

class SimWatchdogTest {

    private final ManualClock clock = new ManualClock();
    private final List<Long> resets = new ArrayList<>();
    private final SimWatchdog watchdog = new SimWatchdog(clock, resets::add);

    @Test
    void givenRegularKicks_thenNoReset() {
        watchdog.start(1_000);
        for (int i = 0; i < 10; i++) {
            clock.now += 900;
            watchdog.kick();
            assertThat(watchdog.check()).isFalse();
        }
        assertThat(watchdog.kicks()).isEqualTo(10);
        assertThat(resets).isEmpty();
    }

    @Test
    void givenAMissedDeadline_thenOneResetEventIsReported_andTheWatchdogRunsOn() {
        watchdog.start(1_000);
        clock.now += 1_250;

        assertThat(watchdog.check()).isTrue();
        assertThat(watchdog.check()).as("one event per expiry").isFalse();
        assertThat(resets).containsExactly(250L);
        assertThat(watchdog.resets()).isEqualTo(1);

        clock.now += 1_000;
        assertThat(watchdog.check()).as("a module that still does not kick is reset again").isTrue();
    }

    @Test
    void beforeStartNothingExpires() {
        clock.now += 1_000_000;
        assertThat(watchdog.check()).isFalse();
        assertThat(watchdog.started()).isFalse();
    }

    @Test
    void simulatedUniqueIdsGiveEveryModuleOfARackItsOwnMac() {
        Set<String> macs = new HashSet<>();
        for (int index = 0; index < 4096; index++) {
            byte[] mac = new byte[6];
            new ModuleIdentity(new SimUniqueId(index)).mac(mac, 0);
            macs.add(java.util.HexFormat.of().formatHex(mac));
        }
        assertThat(macs).hasSize(4096);
    }

    static final class ManualClock implements Clock {
        long now;

        @Override
        public long millis() {
            return now;
        }

        @Override
        public void sleepMillis(long millis) {
            now += millis;
        }
    }
}
