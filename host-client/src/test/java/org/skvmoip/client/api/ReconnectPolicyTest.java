package org.skvmoip.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void delaysDoubleUpToTheMaximumAndStartOverOnceConnected() {
        ReconnectPolicy policy = new ReconnectPolicy(() -> 0.5); // the middle: no jitter

        assertThat(policy.nextDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.nextDelay()).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 10; i++) {
            policy.nextDelay();
        }
        assertThat(policy.nextDelay()).isEqualTo(ReconnectPolicy.MAX);
        policy.connected();
        assertThat(policy.nextDelay()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void jitterSpreadsEachDelayByAFifthEitherWay() {
        assertThat(new ReconnectPolicy(() -> 0.0).nextDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(new ReconnectPolicy(() -> 0.999_999).nextDelay()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void theServersRetryAfterIsHonoured() {
        ClientException throttled = ClientException.http(429, "wait", Optional.of(Duration.ofSeconds(4)));

        assertThat(new ReconnectPolicy(() -> 0.5).nextDelay(throttled)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void onlyFailuresThatMayPassAreRetried() {
        assertThat(ReconnectPolicy.worthRetrying(ClientException.connection("refused", null))).isTrue();
        assertThat(ReconnectPolicy.worthRetrying(ClientException.http(503, "offline", Optional.empty()))).isTrue();
        assertThat(ReconnectPolicy.worthRetrying(ClientException.http(401, "wrong password", Optional.empty())))
                .isFalse();
        assertThat(ReconnectPolicy.worthRetrying(ClientException.http(404, "no machine", Optional.empty())))
                .isFalse();
        assertThat(ReconnectPolicy.worthRetrying(ClientException.untrusted("changed", null))).isFalse();
        assertThat(ReconnectPolicy.worthReopening(1006)).isTrue();
        assertThat(ReconnectPolicy.worthReopening(1008)).isFalse();
    }
}
