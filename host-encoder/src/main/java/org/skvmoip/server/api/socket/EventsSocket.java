package org.skvmoip.server.api.socket;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.skvmoip.server.auth.Rights;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * One events socket. Starts with the current state of every machine it watches; while the client
 * reads too slowly to take more, events are skipped and the current state is sent again once it
 * catches up, so a slow client costs memory for none of them.
 */
final class EventsSocket extends ChannelInboundHandlerAdapter implements StatusEvents.Sink {

    private final StatusEvents events;
    private final Optional<String> machine;
    private final Rights rights;
    private final AtomicBoolean missed = new AtomicBoolean();
    private volatile Channel channel;

    EventsSocket(StatusEvents events, Optional<String> machine, Rights rights) {
        this.events = events;
        this.machine = machine;
        this.rights = rights;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        events.subscribe(this);
        sendCurrent();
    }

    @Override
    public Optional<String> machine() {
        return machine;
    }

    @Override
    public Rights rights() {
        return rights;
    }

    @Override
    public void send(String event) {
        Channel c = channel;
        if (c.isWritable()) {
            c.writeAndFlush(new TextWebSocketFrame(event));
        } else {
            missed.set(true);
        }
    }

    private void sendCurrent() {
        for (String event : events.current(this)) {
            channel.write(new TextWebSocketFrame(event));
        }
        channel.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && missed.getAndSet(false)) {
            sendCurrent();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // The client has nothing to say here; its messages are ignored.
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        events.unsubscribe(this);
        ctx.fireChannelInactive();
    }
}
