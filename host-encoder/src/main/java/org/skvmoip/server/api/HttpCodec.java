package org.skvmoip.server.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * HTTP/1.1 for the API: Netty's request decoder and response encoder, as its HttpServerCodec
 * pairs them (the encoder knows a HEAD request's answer has no body), with two defences that
 * codec has no setting for:
 * <ul>
 * <li>a request with both Content-Length and Transfer-Encoding is refused (400, connection
 * closed) instead of read by its Transfer-Encoding alone: a proxy in front could have read it by
 * its Content-Length, and the bytes between the two readings would be taken for a second request
 * (request smuggling, RFC 9112 §6.3 and §11.2); so is an HTTP/1.0 request with Transfer-Encoding,
 * which HTTP/1.0 does not have (§6.1: its framing is faulty);</li>
 * <li>a request's line and headers must be complete within a deadline of their first byte,
 * however steadily they trickle in: the idle timeout alone restarts at every byte, so a client
 * sending one byte every few seconds held its connection for ever.</li>
 * </ul>
 * The WebSocket handshake finds the two by their Netty types and replaces them.
 */
final class HttpCodec {

    static final String DECODER = "http-decoder";
    static final String ENCODER = "http-encoder";

    private HttpCodec() {
    }

    /** Adds the encoder, then the decoder, before {@code before}: the decoder's 408 goes out through the encoder. */
    static void install(ChannelPipeline pipeline, String before, HttpDecoderConfig config, Duration headDeadline) {
        Queue<HttpMethod> methods = new ArrayDeque<>();
        pipeline.addBefore(before, ENCODER, new Encoder(methods));
        pipeline.addBefore(before, DECODER, new Decoder(config, methods, headDeadline));
    }

    static final class Decoder extends HttpRequestDecoder {

        private final Queue<HttpMethod> methods;
        private final Duration headDeadline;
        private boolean betweenRequests = true;
        /** Closing: whatever still arrives is dropped, never taken for a request. */
        private boolean discarding;
        private ScheduledFuture<?> headExpiry;

        Decoder(HttpDecoderConfig config, Queue<HttpMethod> methods, Duration headDeadline) {
            super(config);
            this.methods = methods;
            this.headDeadline = headDeadline;
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            // Thrown while the headers are read: Netty turns it into a failed request, which is answered 400 and closed.
            throw new IllegalArgumentException("a request may not carry both Content-Length and Transfer-Encoding"
                    + " (RFC 9112 §6.3); send one of them");
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            if (discarding) {
                buffer.skipBytes(buffer.readableBytes());
                return;
            }
            if (betweenRequests && headExpiry == null && buffer.isReadable()) {
                startHeadDeadline(ctx);
            }
            int before = out.size();
            super.decode(ctx, buffer, out);
            for (int i = before; i < out.size(); i++) {
                Object decoded = out.get(i);
                if (decoded instanceof HttpRequest request) {
                    if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)
                            && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                        refuseFraming(request, out, i);
                    }
                    methods.add(request.method());
                    betweenRequests = false;
                    cancelHeadDeadline();
                }
                if (decoded instanceof LastHttpContent) {
                    betweenRequests = true;
                }
            }
        }

        /** Fails the request (answered 400, then closed) and drops what was read after its head. */
        private void refuseFraming(HttpRequest request, List<Object> out, int index) {
            request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(
                    "an HTTP/1.0 request may not carry Transfer-Encoding (RFC 9112 §6.1); send Content-Length")));
            while (out.size() > index + 1) {
                ReferenceCountUtil.release(out.remove(out.size() - 1));
            }
            discarding = true;
        }

        private void startHeadDeadline(ChannelHandlerContext ctx) {
            headExpiry = ctx.executor().schedule(() -> headTooSlow(ctx), headDeadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void headTooSlow(ChannelHandlerContext ctx) {
            if (!ctx.channel().config().isAutoRead()) {
                // The server paused reading while it serves the request before: the wait is the server's, not the client's.
                startHeadDeadline(ctx);
                return;
            }
            // As after a 413 (BoundedAggregator): closing at once would answer the bytes still coming with a reset,
            // which can destroy the 408 before the client reads it. So the rest is dropped for a short linger.
            discarding = true;
            HttpResponses.write(ctx, ApiResponse.error(HttpResponseStatus.REQUEST_TIMEOUT,
                    "the request's line and headers did not arrive within " + (headDeadline.toMillis() % 1000 == 0
                            ? headDeadline.toSeconds() + " s" : headDeadline.toMillis() + " ms") + " of their first byte")
                    .withHeader(HttpHeaderNames.CONNECTION.toString(), HttpHeaderValues.CLOSE.toString()), true)
                    .addListener(written -> ctx.executor().schedule(() -> ctx.close(),
                            BoundedAggregator.LINGER_SECONDS, TimeUnit.SECONDS));
        }

        private void cancelHeadDeadline() {
            if (headExpiry != null) {
                headExpiry.cancel(false);
                headExpiry = null;
            }
        }

        @Override
        protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
            cancelHeadDeadline();
            super.handlerRemoved0(ctx);
        }
    }

    /** Knows which request each response answers, as HttpServerCodec's encoder does, so that HEAD gets no body. */
    static final class Encoder extends HttpResponseEncoder {

        private final Queue<HttpMethod> methods;

        Encoder(Queue<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse response) {
            // An interim answer (100 Continue) precedes the request's own: it answers no request of the queue.
            HttpMethod method = response.status().codeClass() == HttpStatusClass.INFORMATIONAL ? null : methods.poll();
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(response);
        }
    }
}
