package org.skvmoip.server.api;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.NetUtil;

/**
 * Serves one HTTPS connection's requests: routes, authenticates, and runs the endpoint on the
 * worker pool. One request at a time per connection (reading pauses until the answer is written),
 * so answers cannot overtake each other and a client cannot pile up work; requests a client
 * pipelined into the same packets wait their turn, a few of them.
 */
final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String NAME = "api";
    /** Pipelined requests held while one is served; HTTP clients rarely pipeline, and never many. */
    static final int MAX_WAITING = 8;

    private final Router router;
    private final Authenticator authenticator;
    private final Executor workers;
    private boolean inFlight;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();

    HttpApiHandler(Router router, Authenticator authenticator, Executor workers) {
        this.router = router;
        this.authenticator = authenticator;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        if (inFlight) {
            if (waiting.size() >= MAX_WAITING) {
                waiting.forEach(FullHttpRequest::release);
                waiting.clear();
                ctx.close();
                return;
            }
            waiting.addLast(http.retain());
            return;
        }
        serve(ctx, http);
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest http) {
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        if (!http.decoderResult().isSuccess()) {
            HttpResponses.write(ctx, ApiResponse.error(HttpResponseStatus.BAD_REQUEST,
                    "malformed HTTP request: " + http.decoderResult().cause().getMessage()), false);
            return;
        }
        try {
            QueryStringDecoder uri = new QueryStringDecoder(http.uri());
            Router.Match match = router.match(http.method(), uri.rawPath());
            Map<String, List<String>> query = uri.parameters();
            boolean upgrade = http.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true);
            Caller caller = authenticator.authenticate(match.route().access(), http.headers(), query, upgrade,
                    remoteAddress(ctx));
            ApiRequest request = new ApiRequest(http.method(), uri.path(), match.params(), query, http.headers(),
                    ByteBufUtil.getBytes(http.content()), caller);
            authenticator.authorize(match.route(), request);
            if (match.route().endpoint() instanceof SocketEndpoint socket) {
                SocketUpgrade.upgrade(ctx, http, request, socket, authenticator.sessions());
                // From here on the connection is the socket's: nothing pipelined behind is served.
                inFlight = true;
                waiting.forEach(FullHttpRequest::release);
                waiting.clear();
            } else {
                dispatch(ctx, (HttpEndpoint) match.route().endpoint(), request, keepAlive);
            }
        } catch (ApiException e) {
            HttpResponses.write(ctx, e.response(), keepAlive);
        } catch (IllegalArgumentException e) {
            // QueryStringDecoder on bad percent-encoding.
            HttpResponses.write(ctx, ApiResponse.error(HttpResponseStatus.BAD_REQUEST,
                    "the request's URL is malformed: " + e.getMessage()), keepAlive);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, HttpEndpoint endpoint, ApiRequest request, boolean keepAlive) {
        CompletableFuture<ApiResponse> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> call(endpoint, request), workers).thenCompose(f -> f);
        } catch (RejectedExecutionException e) {
            HttpResponses.write(ctx, Failures.response(e, request), keepAlive);
            return;
        }
        inFlight = true;
        ctx.channel().config().setAutoRead(false);
        answer.whenComplete((response, failure) -> {
            ApiResponse out = failure != null ? Failures.response(failure, request)
                    : response != null ? response : Failures.response(new NullPointerException("no response"), request);
            ctx.executor().execute(() -> finish(ctx, out, keepAlive));
        });
    }

    private static CompletableFuture<ApiResponse> call(HttpEndpoint endpoint, ApiRequest request) {
        try {
            return endpoint.handle(request).toCompletableFuture();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void finish(ChannelHandlerContext ctx, ApiResponse response, boolean keepAlive) {
        inFlight = false;
        HttpResponses.write(ctx, response, keepAlive);
        if (keepAlive) {
            serveWaiting(ctx);
        }
    }

    private void serveWaiting(ChannelHandlerContext ctx) {
        while (!inFlight) {
            FullHttpRequest next = waiting.pollFirst();
            if (next == null) {
                ctx.channel().config().setAutoRead(true);
                return;
            }
            try {
                serve(ctx, next);
            } finally {
                next.release();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        // A power operation may wait for the power LED for a long time: that is not an idle client.
        if (event instanceof IdleStateEvent && inFlight) {
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    static String remoteAddress(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return NetUtil.toAddressString(inet.getAddress());
        }
        return String.valueOf(remote);
    }
}
