package org.skvmoip.server.api;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Closes a connection that has not completed its TLS handshake within a deadline of opening,
 * whether it sent nothing, a few bytes or a slow hello: until then it holds one of the limited
 * connections and has proven nothing. On the plaintext paths (a redirect) there is no handshake,
 * and the connection lives only for its one redirect, so the same deadline ends it.
 *
 * <p>It sits after where the TLS handler goes, since the handshake's completion travels from
 * that handler towards the pipeline's tail.
 */
final class HandshakeDeadline extends ChannelInboundHandlerAdapter {

    static final String NAME = "handshake-deadline";

    private final Duration deadline;
    private ScheduledFuture<?> expiry;

    HandshakeDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // Added by the channel's initializer, so on its event loop: the channel is registered and active.
        expiry = ctx.executor().schedule(() -> ctx.close(), deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        expiry.cancel(false);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        super.userEventTriggered(ctx, event);
        if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
            ctx.pipeline().remove(this);
        }
    }
}
