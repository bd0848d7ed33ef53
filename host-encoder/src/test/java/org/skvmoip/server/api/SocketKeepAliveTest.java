package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;

class SocketKeepAliveTest {

    @Test
    void aSilentPeerIsPingedThenClosed() {
        EmbeddedChannel channel = new EmbeddedChannel(new SocketKeepAlive());

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertThat((Object) channel.readOutbound()).isInstanceOf(PingWebSocketFrame.class);
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(SocketClose.GOING_AWAY);
        assertThat(close.reasonText()).contains("no answer to a ping");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aPongKeepsThePeerAlive() {
        EmbeddedChannel channel = new EmbeddedChannel(new SocketKeepAlive());

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        ((PingWebSocketFrame) channel.readOutbound()).release();
        channel.writeInbound(new PongWebSocketFrame());
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);

        assertThat((Object) channel.readOutbound()).isInstanceOf(PingWebSocketFrame.class);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aPingIsAnsweredWithItsPayload() {
        EmbeddedChannel channel = new EmbeddedChannel(new SocketKeepAlive());

        channel.writeInbound(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {7, 8})));

        PongWebSocketFrame pong = channel.readOutbound();
        assertThat(pong.content().readableBytes()).isEqualTo(2);
        assertThat(pong.content().getByte(1)).isEqualTo((byte) 8);
        pong.release();
    }

    @Test
    void aCloseReasonIsCutToWhatAFrameHolds() {
        String reason = SocketClose.fit("\u00e9".repeat(100));

        assertThat(reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(reason).endsWith("...");
    }
}
