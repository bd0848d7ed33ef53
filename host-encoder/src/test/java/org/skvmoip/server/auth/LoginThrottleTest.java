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

    private Duration wait(String user, String address) {
        return throttle.admit(user, address).retryAfter();
    }

    @Test
    void threeFailuresAreFree() {
        fail("alice", "10.0.0.5", 3);

        assertThat(wait("alice", "10.0.0.5")).isZero();
    }

    @Test
    void laterFailuresCostADelayThatDoubles() {
        fail("alice", "10.0.0.5", 4);
        assertThat(wait("alice", "10.0.0.5")).isEqualTo(Duration.ofSeconds(1));

        throttle.failed("alice", "10.0.0.5");
        assertThat(wait("alice", "10.0.0.5")).isEqualTo(Duration.ofSeconds(2));

        throttle.failed("alice", "10.0.0.5");
        assertThat(wait("alice", "10.0.0.5")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theDelayStopsGrowingAtFiveMinutes() {
        fail("alice", "10.0.0.5", 40);

        assertThat(wait("alice", "10.0.0.5")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theWaitShrinksAsTimePasses() {
        fail("alice", "10.0.0.5", 6);

        clock.advance(Duration.ofMillis(2500));
        assertThat(wait("alice", "10.0.0.5")).isEqualTo(Duration.ofMillis(1500));
        clock.advance(Duration.ofMillis(1500));
        assertThat(wait("alice", "10.0.0.5")).isZero();
    }

    @Test
    void failuresFromOneAddressNeverDelayTheSameUserFromAnother() {
        fail("admin", "10.0.0.5", 200);

        assertThat(wait("admin", "10.0.0.5")).isEqualTo(LoginThrottle.MAX_DELAY);
        LoginThrottle.Verdict other = throttle.admit("admin", "10.0.0.6");
        assertThat(other.allowed()).isTrue();
    }

    @Test
    void aSourceWithoutFailuresIsNeverRefusedByTheCeiling() {
        LoginThrottle tight = new LoginThrottle(clock, 100, 1, 2);
        for (int i = 0; i < 50; i++) {
            tight.failed("admin", "10.0.1." + i);
            tight.admit("admin", "10.0.1." + i);
        }

        assertThat(tight.admit("admin", "10.0.0.6").allowed()).isTrue();
        assertThat(tight.admit("alice", "10.0.1.7").allowed()).isTrue();
    }

    @Test
    void failingSourcesShareABudgetOfChecks() {
        LoginThrottle tight = new LoginThrottle(clock, 100, 1, 2);
        for (int i = 0; i < 3; i++) {
            tight.failed("admin", "10.0.1." + i);
        }

        assertThat(tight.admit("admin", "10.0.1.0").allowed()).isTrue();
        assertThat(tight.admit("admin", "10.0.1.1").allowed()).isTrue();
        LoginThrottle.Verdict refused = tight.admit("admin", "10.0.1.2");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.byCeiling()).isTrue();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(tight.admit("admin", "10.0.1.2").allowed()).isTrue();
    }

    @Test
    void sprayingManyNamesFromOneAddressMakesItsNewNamesFailingSources() {
        LoginThrottle tight = new LoginThrottle(clock, 100, 1, 1);
        for (int i = 0; i <= LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            tight.failed("user" + i, "10.0.0.5");
        }

        assertThat(tight.admit("someone", "10.0.0.5").allowed()).isTrue();
        assertThat(tight.admit("someone-else", "10.0.0.5").byCeiling()).isTrue();
        assertThat(tight.admit("someone-else", "10.0.0.6").allowed()).isTrue();
    }

    @Test
    void successClearsTheSourceButNotTheAddress() {
        LoginThrottle tight = new LoginThrottle(clock, 100, 1, 1);
        for (int i = 0; i <= LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            tight.failed("alice", "10.0.0.5");
        }

        tight.succeeded("alice", "10.0.0.5");

        assertThat(tight.admit("alice", "10.0.0.5").allowed()).isTrue();
        // The address's failures stay: its other names are failing sources, and the budget is spent.
        assertThat(tight.admit("bob", "10.0.0.5").byCeiling()).isTrue();
    }

    @Test
    void wrongCodesAreCountedPerUserFromEveryAddress() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.codeFailed("alice");
        }

        assertThat(throttle.codeWait("alice")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.codeWait("bob")).isZero();
        throttle.succeeded("alice", "10.0.0.9");
        assertThat(throttle.codeWait("alice")).isZero();
    }

    @Test
    void countsAreForgottenAfterAnHourOfQuiet() {
        fail("alice", "10.0.0.5", 10);

        clock.advance(Duration.ofHours(1));
        throttle.failed("alice", "10.0.0.5");

        assertThat(wait("alice", "10.0.0.5")).isZero();
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

        assertThat(small.admit("alice", "10.0.0.1").retryAfter()).isZero();
    }

    @Test
    void anIpv6HostCountsAsItsWholeSlash64() {
        fail("alice", "2001:db8:1:2::10", 2);
        fail("alice", "[2001:db8:1:2:ffff::1]", 2);

        assertThat(wait("alice", "2001:db8:1:2:abcd::7")).isEqualTo(Duration.ofSeconds(1));
        assertThat(wait("alice", "2001:db8:1:3::10")).isZero();
    }

    @Test
    void hugeOrMissingNamesDoNotBreakIt() {
        fail("x".repeat(1_000_000), "10.0.0.1", 4);
        fail(null, null, 4);

        assertThat(wait("x".repeat(64), "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(wait(null, null)).isEqualTo(Duration.ofSeconds(1));
    }
}
