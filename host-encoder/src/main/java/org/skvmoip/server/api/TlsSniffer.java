package org.skvmoip.server.api;

import java.util.List;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;

/**
 * Tells TLS from plaintext by a connection's first two bytes, then gets out of the way. A TLS
 * record starts with content type 22 (handshake) and major version 3 (RFC 8446 §5.1, and every
 * SSL 3.0+ hello); an HTTP request starts with a method name in capitals. Plaintext HTTP is
 * answered with a redirect to HTTPS; anything else is closed unanswered.
 */
final class TlsSniffer extends ByteToMessageDecoder {

    private static final int TLS_HANDSHAKE = 0x16;
    private static final int TLS_MAJOR_VERSION = 0x03;

    private final SslContext ssl;
    private final Consumer<ChannelPipeline> afterTls;
    private final int httpsPort;

    /**
     * @param afterTls adds the HTTPS handlers before {@link ConnectionTail}
     * @param httpsPort where the redirect of a plaintext request points
     */
    TlsSniffer(SslContext ssl, Consumer<ChannelPipeline> afterTls, int httpsPort) {
        this.ssl = ssl;
        this.afterTls = afterTls;
        this.httpsPort = httpsPort;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 2) {
            return;
        }
        int first = in.getUnsignedByte(in.readerIndex());
        int second = in.getUnsignedByte(in.readerIndex() + 1);
        ChannelPipeline pipeline = ctx.pipeline();
        if (first == TLS_HANDSHAKE && second == TLS_MAJOR_VERSION) {
            pipeline.addAfter(ctx.name(), "tls", ssl.newHandler(ctx.alloc()));
            afterTls.accept(pipeline);
        } else if (isCapital(first) && isCapital(second)) {
            HttpsRedirect.install(pipeline, httpsPort);
        } else {
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        // Removing a ByteToMessageDecoder hands the bytes it holds to the handler now after it.
        pipeline.remove(this);
    }

    private static boolean isCapital(int b) {
        return b >= 'A' && b <= 'Z';
    }
}
