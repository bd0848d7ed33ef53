package org.skvmoip.server.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

/** Collects a request's body up to a bound; a larger one gets a JSON 413 and the connection closes. */
final class BoundedAggregator extends HttpObjectAggregator {

    private final int maxBytes;

    BoundedAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest request) {
            // Closing: the rest of the body may still be on its way and cannot be told from a next request.
            HttpResponses.write(ctx, ApiResponse.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    request.method() + " " + new QueryStringDecoder(request.uri()).rawPath()
                            + ": the body is larger than the " + maxBytes + " bytes this API accepts"), false);
        } else {
            ctx.close();
        }
    }
}
