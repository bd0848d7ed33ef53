package org.skvmoip.server.api;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * The pipeline of a new connection: connection bounds, idle timeout, handshake deadline, and the
 * TLS sniffer that puts HTTPS (TLS, HTTP/1.1, bounded body, the API) or the plaintext redirect
 * after itself.
 */
final class ApiChannels extends ChannelInitializer<SocketChannel> {

    static final String IDLE = "idle";

    /** Request line and headers: an API request needs far less; more is an attack or a mistake. */
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_CHUNK = 8192;

    private final ApiSettings settings;
    private final SslContext ssl;
    private final ConnectionLimit limit;
    private final Router router;
    private final Authenticator authenticator;
    private final Executor workers;
    private volatile int httpsPort;

    ApiChannels(ApiSettings settings, SslContext ssl, ConnectionLimit limit, Router router,
            Authenticator authenticator, Executor workers) {
        this.settings = settings;
        this.ssl = ssl;
        this.limit = limit;
        this.router = router;
        this.authenticator = authenticator;
        this.workers = workers;
    }

    /** The bound HTTPS port, known only after binding when the settings ask for port 0. */
    void httpsPort(int port) {
        this.httpsPort = port;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (!limit.admit(channel)) {
            channel.close();
            return;
        }
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(IDLE, new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("sniff", new TlsSniffer(ssl, this::addHttps, httpsPort));
        pipeline.addLast(HandshakeDeadline.NAME, new HandshakeDeadline(settings.handshakeTimeout()));
        pipeline.addLast(ConnectionTail.NAME, ConnectionTail.INSTANCE);
    }

    private void addHttps(ChannelPipeline pipeline) {
        HttpCodec.install(pipeline, ConnectionTail.NAME, new HttpDecoderConfig().setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES).setMaxChunkSize(MAX_CHUNK), settings.requestHeadTimeout());
        pipeline.addBefore(ConnectionTail.NAME, "body", new BoundedAggregator(settings.maxBodyBytes()));
        pipeline.addBefore(ConnectionTail.NAME, HttpApiHandler.NAME, new HttpApiHandler(router, authenticator, workers));
    }

    /** The pipeline of the separate plaintext port: it only redirects. */
    ChannelInitializer<SocketChannel> redirectOnly() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                if (!limit.admit(channel)) {
                    channel.close();
                    return;
                }
                ChannelPipeline pipeline = channel.pipeline();
                pipeline.addLast(IDLE, new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(),
                        TimeUnit.MILLISECONDS));
                pipeline.addLast(HandshakeDeadline.NAME, new HandshakeDeadline(settings.handshakeTimeout()));
                pipeline.addLast(ConnectionTail.NAME, ConnectionTail.INSTANCE);
                HttpsRedirect.install(pipeline, httpsPort);
            }
        };
    }
}
