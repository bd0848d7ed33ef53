package org.skvmoip.server.api;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers a plaintext HTTP request with 308 to the same host and path over HTTPS, then closes:
 * nothing of the API is ever served without TLS. 308 (not 301) keeps the method, so a script's
 * POST is not silently turned into a GET.
 */
final class HttpsRedirect extends ChannelInboundHandlerAdapter {

    /** A host name or IPv4 address, or a bracketed IPv6 address, and an optional port. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(:\\d{1,5})?");

    private final int httpsPort;

    HttpsRedirect(int httpsPort) {
        this.httpsPort = httpsPort;
    }

    static void install(ChannelPipeline pipeline, int httpsPort) {
        pipeline.addBefore(ConnectionTail.NAME, "http", new HttpServerCodec(4096, 8192, 8192));
        pipeline.addBefore(ConnectionTail.NAME, "redirect", new HttpsRedirect(httpsPort));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request && request.decoderResult().isSuccess() && ctx.channel().isActive()) {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.PERMANENT_REDIRECT, Unpooled.EMPTY_BUFFER);
                response.headers().set(HttpHeaderNames.LOCATION, location(request.headers().get(HttpHeaderNames.HOST),
                        (InetSocketAddress) ctx.channel().localAddress(), httpsPort, request.uri()));
                response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            } else if (msg instanceof HttpRequest) {
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * The HTTPS URL of a request: the host it asked for (when that is a well-formed host; else the
     * address it reached), the HTTPS port, and its path and query.
     */
    static String location(String hostHeader, InetSocketAddress local, int httpsPort, String uri) {
        String host;
        var matcher = hostHeader == null ? null : HOST.matcher(hostHeader.strip());
        if (matcher != null && matcher.matches()) {
            host = matcher.group(1);
        } else {
            String address = NetUtil.toAddressString(local.getAddress());
            host = address.contains(":") ? "[" + address + "]" : address;
        }
        return "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + pathOf(uri);
    }

    private static String pathOf(String uri) {
        if (uri.startsWith("/")) {
            return uri;
        }
        // absolute-form, "http://host/path" (RFC 9112 §3.2.2): keep the path only.
        int scheme = uri.indexOf("://");
        int slash = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : uri.substring(slash);
    }
}
