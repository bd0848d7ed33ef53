package org.skvmoip.server.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The WebSocket control frames of every socket: answers pings, answers a close, and finds dead
 * peers: when nothing arrived for a while the server pings, and when still nothing arrives it
 * closes. A viewer only receives video, so its pongs are what shows it is alive.
 */
final class SocketKeepAlive extends ChannelInboundHandlerAdapter {

    /** Reader idle time after which the server pings, and again after which it gives up. */
    static final int PING_AFTER_SECONDS = 30;

    private boolean pingUnanswered;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        pingUnanswered = false;
        if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
        } else if (msg instanceof PongWebSocketFrame pong) {
            pong.release();
        } else if (msg instanceof CloseWebSocketFrame close) {
            int code = close.statusCode() < 0 ? 1000 : close.statusCode();
            close.release();
            SocketClose.close(ctx, code, "");
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (pingUnanswered) {
                SocketClose.close(ctx, SocketClose.GOING_AWAY,
                        "no answer to a ping for " + PING_AFTER_SECONDS + " s");
            } else {
                pingUnanswered = true;
                ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.copyLong(System.nanoTime())));
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof TooLongFrameException) {
            SocketClose.close(ctx, SocketClose.MESSAGE_TOO_BIG, "message too large: " + cause.getMessage());
            return;
        }
        super.exceptionCaught(ctx, cause);
    }
}
