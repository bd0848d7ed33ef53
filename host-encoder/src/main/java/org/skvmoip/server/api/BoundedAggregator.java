package org.skvmoip.server.api;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * Collects a request's body up to a bound; a larger one gets a JSON 413 and the connection closes.
 *
 * <p>The close lingers (RFC 9112 §9.6): the client may still be sending the rest of the body, and
 * a socket closed with unread bytes in it answers them with a reset, which can reach the client
 * before it has read the 413 and destroy it. So the connection reads and drops whatever still
 * comes until the client closes, at most {@link #LINGER_SECONDS}, and only then closes.
 */
final class BoundedAggregator extends HttpObjectAggregator {

    /** How long the rest of an oversized request may keep arriving after the 413. */
    static final int LINGER_SECONDS = 2;

    private final int maxBytes;

    BoundedAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (!(oversized instanceof HttpRequest request)) {
            ctx.close();
            return;
        }
        // Whatever follows (the rest of the body, anything after it) is dropped, never taken for a request.
        ctx.pipeline().addBefore(ctx.name(), "discard-after-413", new Discard());
        HttpResponses.write(ctx, ApiResponse.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                request.method() + " " + new QueryStringDecoder(request.uri()).rawPath()
                        + ": the body is larger than the " + maxBytes + " bytes this API accepts")
                .withHeader(HttpHeaderNames.CONNECTION.toString(), HttpHeaderValues.CLOSE.toString()), true)
                .addListener((ChannelFutureListener) written -> {
                    if (!written.isSuccess()) {
                        ctx.close();
                        return;
                    }
                    ctx.executor().schedule(() -> ctx.close(), LINGER_SECONDS, TimeUnit.SECONDS);
                });
    }

    /** Drops every message: the connection only lingers until the client has stopped sending. */
    private static final class Discard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
