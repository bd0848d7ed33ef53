package org.skvmoip.server.api;

import org.skvmoip.server.auth.Sessions;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Turns an authenticated, checked HTTPS request into a WebSocket: the handshake, then the
 * pipeline of a socket (its token's gate, UTF-8 check, frame size bound, keep-alive, the endpoint's
 * handler) in place of HTTP's.
 */
final class SocketUpgrade {

    /** The subprotocol the server selects; a browser offers it beside "bearer.TOKEN". */
    static final String SUBPROTOCOL = "skvmoip";

    private SocketUpgrade() {
    }

    static void upgrade(ChannelHandlerContext ctx, FullHttpRequest http, ApiRequest request, SocketEndpoint endpoint,
            Sessions sessions) throws ApiException {
        if (!http.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
            throw new ApiException(HttpResponseStatus.UPGRADE_REQUIRED,
                    request.path() + " is a WebSocket: connect with a WebSocket client (wss://)")
                    .withHeader("Upgrade", "websocket");
        }
        ChannelHandler handler = endpoint.open(request);
        WebSocketDecoderConfig frames = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(endpoint.maxFramePayload())
                .allowExtensions(false)
                .build();
        String url = "wss://" + http.headers().get(HttpHeaderNames.HOST, "localhost") + request.path();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, SUBPROTOCOL, frames)
                .newHandshaker(http);
        Channel channel = ctx.channel();
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
            return;
        }
        // No frame may reach the pipeline before the socket's handlers are in it.
        channel.config().setAutoRead(false);
        handshaker.handshake(channel, http).addListener(done -> {
            if (!done.isSuccess()) {
                channel.close();
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            pipeline.remove(HttpApiHandler.NAME);
            pipeline.replace(ApiChannels.IDLE, ApiChannels.IDLE,
                    new IdleStateHandler(SocketKeepAlive.PING_AFTER_SECONDS, 0, 0));
            TokenBoundSocket token = new TokenBoundSocket();
            pipeline.addBefore(ConnectionTail.NAME, TokenBoundSocket.NAME, token);
            // Netty checks text frames' UTF-8 only in its protocol handler, which this pipeline does not use. Its
            // validator fails the connection with 1007 (RFC 6455 §8.1), fragmented messages included.
            pipeline.addBefore(ConnectionTail.NAME, "ws-utf8", new Utf8FrameValidator());
            pipeline.addBefore(ConnectionTail.NAME, "ws-messages", new WebSocketFrameAggregator(endpoint.maxFramePayload()));
            pipeline.addBefore(ConnectionTail.NAME, "ws-keepalive", new SocketKeepAlive());
            pipeline.addBefore(ConnectionTail.NAME, "ws-endpoint", handler);
            // The token may have ended since the request was authenticated: then it closes at once.
            token.attach(sessions, request.caller().token());
            channel.config().setAutoRead(true);
        });
    }
}
