package org.skvmoip.server.module;

import org.skvmoip.protocol.ProtocolError;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Netty's view of one TCP connection to a module, passing its events to the {@link LinkSession}
 * that opened it; the session ignores the events of a connection it has replaced. The first
 * failure seen is the one reported when the connection ends.
 */
final class LinkConnection extends ChannelInboundHandlerAdapter {

    interface Events {
        void opened(LinkConnection connection);

        /** Takes ownership of {@code bytes} (releases it). */
        void received(LinkConnection connection, ByteBuf bytes);

        void ended(LinkConnection connection, String problem);
    }

    private final Events events;
    private final String where;
    private Channel channel;
    private String problem;

    LinkConnection(Events events, String where) {
        this.events = events;
        this.where = where;
    }

    /** Null only before the channel registered (then nothing was sent on it either). */
    Channel channel() {
        return channel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // Taken here, not from the connect future: a loopback connect can complete, and fire
        // events, before Bootstrap.connect returns.
        channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        events.opened(this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        events.received(this, (ByteBuf) msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        events.ended(this, problem != null ? problem : LinkProblems.ended(where, ProtocolError.SESSION_CLOSED, 0));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (problem == null) {
            problem = LinkProblems.connection(where, cause);
        }
        ctx.close();
    }
}
