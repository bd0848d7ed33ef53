package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skvmoip.server.auth.Sessions;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/** The gate in front of a socket's endpoint, on a channel whose event loop runs only when told. */
class TokenBoundSocketTest {

    private final Sessions sessions = new Sessions();
    private final String token = sessions.issue("bob");
    private final TokenBoundSocket gate = new TokenBoundSocket();
    private final EmbeddedChannel channel = new EmbeddedChannel(gate);

    @Test
    void framesPassWhileTheTokenLives() {
        gate.attach(sessions, token);

        channel.writeInbound(new TextWebSocketFrame("key"));

        assertThat(((TextWebSocketFrame) channel.readInbound()).text()).isEqualTo("key");
    }

    @Test
    void aFrameReadAfterLogoutButBeforeTheCloseRanReachesNothing() {
        gate.attach(sessions, token);

        sessions.revoke(token);
        TextWebSocketFrame late = new TextWebSocketFrame("key");
        channel.writeInbound(late);

        assertThat((Object) channel.readInbound()).isNull();
        assertThat(late.refCnt()).isZero();
        channel.runPendingTasks();
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(SocketClose.SESSION_ENDED);
        assertThat(close.reasonText()).isEqualTo("logged out");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aTokenEndedBeforeTheSocketWasReadyClosesItAtOnceSayingWhy() {
        sessions.revoke(token);

        gate.attach(sessions, token);
        channel.runPendingTasks();

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.reasonText()).isEqualTo("logged out");
    }
}
