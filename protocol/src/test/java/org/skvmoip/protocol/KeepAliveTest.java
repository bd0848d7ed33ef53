package org.skvmoip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keep-alive both ways (1 s interval, 3 s timeout) and the handshake deadline, on a test clock. */
class KeepAliveTest {

    private final SessionPair pair = SessionPair.adopted(11);

    @Test
    void aQuietModuleSendsKeepAliveAfterOneSecondAndTheServerTakesIt() {
        pair.handshake();
        long start = pair.now;
        assertThat(pair.module.nextDeadline()).isEqualTo(start + Protocol.KEEPALIVE_INTERVAL_MILLIS);

        pair.module.tick(start + Protocol.KEEPALIVE_INTERVAL_MILLIS - 1);
        assertThat(pair.module.outputLength()).isZero();
        pair.module.tick(start + Protocol.KEEPALIVE_INTERVAL_MILLIS);

        assertThat(pair.toServer(pair.takeModuleOutput())).containsExactly(SessionEvent.HANDLED);
        assertThat(pair.server.messageType()).isEqualTo(MessageType.KEEPALIVE);
    }

    @Test
    void nothingFromTheServerForThreeSecondsEndsTheSessionWithAnError() {
        pair.handshake();
        long start = pair.now;

        assertThat(pair.module.tick(start + Protocol.KEEPALIVE_TIMEOUT_MILLIS - 1)).isEqualTo(SessionEvent.NONE);
        assertThat(pair.toServer(pair.takeModuleOutput())).as("the module's own keep-alive")
                .containsExactly(SessionEvent.HANDLED);
        assertThat(pair.module.tick(start + Protocol.KEEPALIVE_TIMEOUT_MILLIS))
                .isEqualTo(ProtocolError.KEEPALIVE_TIMEOUT);

        assertThat(pair.module.isOpen()).isFalse();
        assertThat(pair.toServer(pair.takeModuleOutput())).containsExactly(ProtocolError.PEER_ERROR);
    }

    @Test
    void aFrameFromTheServerRestartsTheTimeout() {
        pair.handshake();
        long start = pair.now;
        pair.now = start + 2_000;
        pair.server.sendKeepAlive();
        pair.toModule(pair.takeServerOutput());

        assertThat(pair.module.tick(start + 4_000)).isEqualTo(SessionEvent.NONE);
        assertThat(pair.module.nextDeadline()).isLessThanOrEqualTo(start + 2_000 + Protocol.KEEPALIVE_TIMEOUT_MILLIS);
        assertThat(pair.module.tick(start + 5_000)).isEqualTo(ProtocolError.KEEPALIVE_TIMEOUT);
    }

    @Test
    void aHandshakeNotFinishedInThreeSecondsEndsTheConnection() {
        pair.open();
        long start = pair.now;
        assertThat(pair.module.nextDeadline()).isEqualTo(start + Protocol.HANDSHAKE_TIMEOUT_MILLIS);

        assertThat(pair.module.tick(start + Protocol.HANDSHAKE_TIMEOUT_MILLIS))
                .isEqualTo(ProtocolError.HANDSHAKE_TIMEOUT);
        assertThat(pair.module.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }
}
