package org.skvmoip.server.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reconnection delays: 250 ms doubling to 800 ms, spread by jitter, back to 250 ms once a connection reached the module. */
class BackoffTest {

    @Test
    void givenRepeatedFailuresThenTheDelayDoublesFrom250MsUpTo800Ms() {
        Backoff backoff = new Backoff(() -> 0.5); // the middle of the jitter: no spread

        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(backoff.nextMillis());
        }

        assertThat(delays).containsExactly(250L, 500L, 800L, 800L, 800L, 800L, 800L, 800L, 800L);
    }

    @Test
    void givenTheLongestJitterThenNoWaitReachesASecond() {
        Backoff backoff = new Backoff(() -> 0.999_999);

        long longest = 0;
        for (int i = 0; i < 20; i++) {
            longest = Math.max(longest, backoff.nextMillis());
        }

        assertThat(longest).isEqualTo(960);
    }

    @Test
    void givenJitterThenEachDelayStaysWithin20PercentOfItsStep() {
        assertThat(new Backoff(() -> 0.0).nextMillis()).isEqualTo(200);
        assertThat(new Backoff(() -> 0.999_999).nextMillis()).isEqualTo(300);
    }

    @Test
    void givenAConnectionThatReachedTheModuleThenTheNextDelayStartsOver() {
        Backoff backoff = new Backoff(() -> 0.5);
        backoff.nextMillis();
        backoff.nextMillis();
        backoff.nextMillis();

        backoff.reset();

        assertThat(backoff.nextMillis()).isEqualTo(250);
    }
}
