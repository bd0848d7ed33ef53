package org.skvmoip.server.api;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of every connection: closes it when it went idle (and no handler before kept it
 * open) or failed, and frees anything nobody consumed.
 */
@Sharable
final class ConnectionTail extends ChannelInboundHandlerAdapter {

    static final String NAME = "tail";
    static final ConnectionTail INSTANCE = new ConnectionTail();

    private static final Logger LOG = System.getLogger(ConnectionTail.class.getName());

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ReferenceCountUtil.release(event);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets, failed TLS handshakes and garbage are a client's problem, not the server's.
        LOG.log(Level.DEBUG, () -> "closing connection from " + ctx.channel().remoteAddress() + ": " + cause);
        ctx.close();
    }
}
