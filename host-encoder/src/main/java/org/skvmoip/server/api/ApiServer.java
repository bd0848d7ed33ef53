package org.skvmoip.server.api;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.api.endpoint.MachineViews;
import org.skvmoip.server.api.socket.StatusEvents;
import org.skvmoip.server.api.socket.ViewerTraffic;
import org.skvmoip.server.auth.Sessions;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The server's one HTTPS port (REST and WebSockets), and optionally a plaintext port that only
 * redirects to it. Event loops only move bytes; everything that can wait (password hashing,
 * snapshots, discovery, sends to modules) runs on bounded pools of its own.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ApiServer.class.getName());

    /**
     * Per connection: beyond 512 KiB unsent the channel reads as unwritable and a video socket stops
     * draining its queue (which then drops to a keyframe), so a slow viewer is bounded here and in
     * the kernel's socket buffer, never in the server's heap.
     */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(128 * 1024, 512 * 1024);

    /**
     * How often the users file is checked for changes made by the users command and expired tokens
     * are ended: the most a changed account's sockets outlive the change, or a token its expiry.
     */
    static final long ACCOUNT_CHECK_MILLIS = 1000;

    /** Threads that relay input to modules; a send can wait on a module's link, never on a disk or a hash. */
    private static final int INPUT_RELAY_THREADS = 4;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup loops;
    private final ChannelGroup channels;
    private final ExecutorService workers;
    private final ExecutorService inputRelay;
    private final ScheduledExecutorService accounts;
    private final ApiAudit audit;
    private final StatusEvents events;
    private final ViewerTraffic traffic;
    private final ConnectionLimit limit;
    private final int port;
    private final Optional<Integer> redirectPort;

    private ApiServer(Builder b) {
        this.acceptor = b.acceptor;
        this.loops = b.loops;
        this.channels = b.channels;
        this.workers = b.workers;
        this.inputRelay = b.inputRelay;
        this.accounts = b.accounts;
        this.audit = b.audit;
        this.events = b.events;
        this.traffic = b.traffic;
        this.limit = b.limit;
        this.port = b.port;
        this.redirectPort = b.redirectPort;
    }

    /** What start() puts together, so that a failed start can close what it opened. */
    private static final class Builder {
        EventLoopGroup acceptor;
        EventLoopGroup loops;
        ChannelGroup channels;
        ExecutorService workers;
        ExecutorService inputRelay;
        ScheduledExecutorService accounts;
        ApiAudit audit;
        StatusEvents events;
        ViewerTraffic traffic;
        ConnectionLimit limit;
        int port;
        Optional<Integer> redirectPort = Optional.empty();
    }

    /**
     * Binds and serves until {@link #close()}.
     *
     * @throws IOException when a port cannot be bound (in use, no permission), naming it
     */
    public static ApiServer start(ApiSettings settings, SslContext ssl, ApiBackends backends) throws IOException {
        Builder b = new Builder();
        try {
            b.channels = new DefaultChannelGroup("api", GlobalEventExecutor.INSTANCE);
            b.workers = Workers.bounded("api-worker", settings.workerThreads(), settings.workerQueue());
            b.inputRelay = Workers.bounded("api-input", INPUT_RELAY_THREADS, settings.maxConnections());
            b.audit = new ApiAudit(backends.audit());
            b.accounts = watchAccounts(backends);
            b.traffic = new ViewerTraffic();
            MachineViews views = new MachineViews(backends.inventory(), backends.modules(), backends.video(),
                    backends.seats());
            b.events = new StatusEvents(backends.inventory(), backends.modules(), backends.seats(), views);
            b.events.start();
            ViewerTraffic traffic = b.traffic;
            Router router = ApiRoutes.build(backends, b.audit, views, b.events, traffic, b.workers,
                    b.inputRelay);
            Authenticator authenticator = new Authenticator(backends.sessions(), backends.users(),
                    backends.inventory().groups(), backends.metricsToken(), new Authorizer(b.audit));
            b.limit = new ConnectionLimit(settings.maxConnections(), settings.connectionsPerAddress());
            ApiChannels https = new ApiChannels(settings, ssl, b.limit, router, authenticator, b.workers);
            b.acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("api-accept", true));
            b.loops = new NioEventLoopGroup(0, new DefaultThreadFactory("api-io", true));
            https.httpsPort(settings.port());
            Channel server = bind(b, settings.bind(), settings.port(), https);
            b.port = ((InetSocketAddress) server.localAddress()).getPort();
            https.httpsPort(b.port);
            if (settings.redirectPort().isPresent()) {
                Channel redirect = bind(b, settings.bind(), settings.redirectPort().get(), https.redirectOnly());
                b.redirectPort = Optional.of(((InetSocketAddress) redirect.localAddress()).getPort());
            }
        } catch (IOException | RuntimeException e) {
            new ApiServer(b).close();
            throw e;
        }
        LOG.log(Level.INFO, "API listening on https://" + settings.bind() + ":" + b.port
                + b.redirectPort.map(p -> " (plaintext redirect on port " + p + ")").orElse(""));
        return new ApiServer(b);
    }

    /** A changed or removed account ends its tokens and sockets; so does a token's expiry. */
    private static ScheduledExecutorService watchAccounts(ApiBackends backends) {
        Sessions sessions = backends.sessions();
        backends.users().onChange(user -> sessions.endUser(user, Sessions.ACCOUNT_CHANGED));
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(Workers.daemonThreads("api-accounts"));
        watch.scheduleWithFixedDelay(() -> {
            try {
                backends.users().refresh();
                sessions.sweep();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "checking the users file and the sessions failed; trying again", e);
            }
        }, ACCOUNT_CHECK_MILLIS, ACCOUNT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    private static Channel bind(Builder b, String address, int port, ChannelInitializer<SocketChannel> initializer)
            throws IOException {
        ChannelGroup all = b.channels;
        ChannelFuture bound = new ServerBootstrap()
                .group(b.acceptor, b.loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        all.add(channel);
                        channel.pipeline().addLast(initializer);
                    }
                })
                .bind(address, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot listen on " + address + ":" + port + ": " + bound.cause().getMessage()
                    + " (is another server using the port?)", bound.cause());
        }
        all.add(bound.channel());
        return bound.channel();
    }

    public int port() {
        return port;
    }

    public Optional<Integer> redirectPort() {
        return redirectPort;
    }

    /** Connections open now, both ports together. */
    public int connections() {
        return limit == null ? 0 : limit.open();
    }

    /**
     * Bytes and access units the video sockets wrote per machine, for the metrics
     * ({@code Metrics.BYTES_SENT}: sample {@code traffic().bytesSent(machine)}).
     */
    public ViewerTraffic traffic() {
        return traffic;
    }

    /** Closes every connection (viewers leave their streams, controllers their seats), then the pools. */
    @Override
    public void close() {
        if (accounts != null) {
            accounts.shutdownNow();
        }
        if (channels != null) {
            channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        for (EventLoopGroup group : new EventLoopGroup[] {acceptor, loops}) {
            if (group != null) {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        if (events != null) {
            events.close();
        }
        // Unsubscribes and seat releases queued by the closing connections still run.
        for (ExecutorService pool : new ExecutorService[] {inputRelay, workers}) {
            if (pool != null) {
                pool.shutdown();
                try {
                    if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                        pool.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (audit != null) {
            audit.close();
        }
    }
}
