package org.skvmoip.server.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reconnection delays: 250 ms doubling to 10 s, spread by jitter, back to 250 ms after a session that lasted. */
class BackoffTest {

    @Test
    void givenRepeatedFailuresThenTheDelayDoublesFrom250MsUpTo10s() {
        Backoff backoff = new Backoff(() -> 0.5); // the middle of the jitter: no spread

        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(backoff.nextMillis());
        }

        assertThat(delays).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L, 10_000L);
    }

    @Test
    void givenJitterThenEachDelayStaysWithin20PercentOfItsStep() {
        assertThat(new Backoff(() -> 0.0).nextMillis()).isEqualTo(200);
        assertThat(new Backoff(() -> 0.999_999).nextMillis()).isEqualTo(300);
    }

    @Test
    void givenASessionThatLastedThenTheNextDelayStartsOver() {
        Backoff backoff = new Backoff(() -> 0.5);
        backoff.nextMillis();
        backoff.nextMillis();
        backoff.nextMillis();

        backoff.reset();

        assertThat(backoff.nextMillis()).isEqualTo(250);
    }
}
