package org.skvmoip.server.api.socket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.Caller;
import org.skvmoip.server.api.SocketClose;
import org.skvmoip.server.stream.AccessUnit;
import org.skvmoip.server.stream.StreamMode;
import org.skvmoip.server.stream.VideoService;
import org.skvmoip.server.stream.ViewerQueue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * One viewer's video socket: drains its {@link ViewerQueue} only while the socket takes data.
 * A viewer that reads slowly fills its socket, the channel turns unwritable (the write buffer's
 * high water mark), draining stops, and the queue, not the pipeline or other viewers, absorbs
 * the difference by dropping to the next keyframe.
 */
final class VideoSocket extends ChannelInboundHandlerAdapter {

    private final VideoService video;
    private final String machine;
    private final StreamMode mode;
    private final ViewerTraffic traffic;
    private final Executor workers;
    private final ApiAudit audit;
    private final Caller caller;
    // event loop only
    private ChannelHandlerContext ctx;
    private ViewerQueue queue;

    VideoSocket(VideoService video, String machine, StreamMode mode, ViewerTraffic traffic, Executor workers,
            ApiAudit audit, Caller caller) {
        this.video = video;
        this.machine = machine;
        this.mode = mode;
        this.traffic = traffic;
        this.workers = workers;
        this.audit = audit;
        this.caller = caller;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        // Subscribing may start the machine's pipeline (open a capture device): not on the event loop.
        try {
            workers.execute(this::subscribe);
        } catch (RejectedExecutionException e) {
            SocketClose.close(ctx, SocketClose.TRY_AGAIN_LATER, "the server is busy; try again in a second");
        }
    }

    private void subscribe() {
        try {
            ViewerQueue subscribed = video.subscribe(machine, mode);
            ctx.executor().execute(() -> attach(subscribed));
        } catch (RuntimeException e) {
            audit.record(caller, "watch", machine, "failed: " + e.getMessage());
            ctx.executor().execute(() -> SocketClose.close(ctx, SocketClose.INTERNAL_ERROR,
                    "cannot stream '" + machine + "': " + e.getMessage()));
        }
    }

    private void attach(ViewerQueue subscribed) {
        if (!ctx.channel().isActive()) {
            leave(subscribed);
            return;
        }
        queue = subscribed;
        audit.record(caller, "watch", machine, "ok: " + mode.name().toLowerCase(Locale.ROOT));
        // Runs on the pipeline's thread: only hand off.
        subscribed.onReady(() -> ctx.executor().execute(this::drain));
        drain();
    }

    private void drain() {
        if (queue == null) {
            return;
        }
        while (ctx.channel().isWritable()) {
            AccessUnit unit = queue.poll();
            if (unit == null) {
                return;
            }
            send(unit);
        }
    }

    private void send(AccessUnit unit) {
        ByteBuf header = ctx.alloc().buffer(VideoFrameHeader.LENGTH);
        VideoFrameHeader.write(header, unit, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
        // The unit's array is shared by every viewer and never written: wrap it, do not copy it.
        ByteBuf frame = Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(unit.data()));
        // Flushed one by one so that TLS encrypts at once and writability reflects what is really pending.
        ctx.writeAndFlush(new BinaryWebSocketFrame(frame), ctx.voidPromise());
        traffic.sent(machine, VideoFrameHeader.LENGTH + (long) unit.data().length);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        drain();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // A viewer has nothing to say on this socket beyond control frames (handled before us).
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (queue != null) {
            leave(queue);
            queue = null;
        }
        ctx.fireChannelInactive();
    }

    private void leave(ViewerQueue viewer) {
        viewer.onReady(() -> { });
        audit.record(caller, "watch-end", machine, "ok: " + viewer.delivered() + " units sent, " + viewer.dropped()
                + " dropped");
        try {
            workers.execute(() -> video.unsubscribe(viewer));
        } catch (RejectedExecutionException e) {
            // Shutting down or swamped: stopping a pipeline late is worse than a short stall here.
            video.unsubscribe(viewer);
        }
    }
}
