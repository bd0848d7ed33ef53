package org.skvmoip.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final SettableClock clock = new SettableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 100);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void threeFailuresAreFree() {
        fail("alice", "10.0.0.5", 3);

        assertThat(throttle.retryAfter("alice", "10.0.0.5")).isZero();
    }

    @Test
    void laterFailuresCostADelayThatDoubles() {
        fail("alice", "10.0.0.5", 4);
        assertThat(throttle.retryAfter("alice", "10.0.0.5")).isEqualTo(Duration.ofSeconds(1));

        throttle.failed("alice", "10.0.0.5");
        assertThat(throttle.retryAfter("alice", "10.0.0.5")).isEqualTo(Duration.ofSeconds(2));

        throttle.failed("alice", "10.0.0.5");
        assertThat(throttle.retryAfter("alice", "10.0.0.5")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theDelayStopsGrowingAtFiveMinutes() {
        fail("alice", "10.0.0.5", 40);

        assertThat(throttle.retryAfter("alice", "10.0.0.5")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theWaitShrinksAsTimePasses() {
        fail("alice", "10.0.0.5", 6);

        clock.advance(Duration.ofMillis(2500));
        assertThat(throttle.retryAfter("alice", "10.0.0.5")).isEqualTo(Duration.ofMillis(1500));
        clock.advance(Duration.ofMillis(1500));
        assertThat(throttle.retryAfter("alice", "10.0.0.5")).isZero();
    }

    @Test
    void guessingOneUserFromManyAddressesIsSlowed() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
        }

        assertThat(throttle.retryAfter("alice", "10.0.0.99")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("bob", "10.0.0.99")).isZero();
    }

    @Test
    void guessingManyUsersFromOneAddressIsSlowed() {
        for (String user : new String[] {"alice", "bob", "carol", "dave"}) {
            throttle.failed(user, "10.0.0.5");
        }

        assertThat(throttle.retryAfter("erin", "10.0.0.5")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("erin", "10.0.0.6")).isZero();
    }

    @Test
    void successClearsTheUserButNotTheAddress() {
        fail("alice", "10.0.0.5", 5);
        clock.advance(Duration.ofSeconds(2));

        throttle.succeeded("alice", "10.0.0.5");

        assertThat(throttle.retryAfter("alice", "10.0.0.6")).isZero();
        throttle.failed("mallory", "10.0.0.5");
        assertThat(throttle.retryAfter("someone", "10.0.0.5")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void countsAreForgottenAfterAnHourOfQuiet() {
        fail("alice", "10.0.0.5", 10);

        clock.advance(Duration.ofHours(1));
        throttle.failed("alice", "10.0.0.5");

        assertThat(throttle.retryAfter("alice", "10.0.0.5")).isZero();
    }

    @Test
    void memoryIsBoundedByForgettingTheLongestQuiet() {
        LoginThrottle small = new LoginThrottle(clock, 2);
        for (int i = 0; i < 4; i++) {
            small.failed("alice", "10.0.0.1");
        }
        clock.advance(Duration.ofMillis(1));
        small.failed("bob", "10.0.0.2");
        small.failed("carol", "10.0.0.3");

        assertThat(small.retryAfter("alice", "10.0.0.1")).isZero();
    }

    @Test
    void anIpv6HostCountsAsItsWholeSlash64() {
        fail("alice", "2001:db8:1:2::10", 2);
        fail("bob", "[2001:db8:1:2:ffff::1]", 2);

        assertThat(throttle.retryAfter("carol", "2001:db8:1:2:abcd::7")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("carol", "2001:db8:1:3::10")).isZero();
    }

    @Test
    void hugeOrMissingNamesDoNotBreakIt() {
        fail("x".repeat(1_000_000), null, 4);

        assertThat(throttle.retryAfter("x".repeat(64), "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter(null, null)).isEqualTo(Duration.ofSeconds(1));
    }
}
