package org.skvmoip.server.api;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.skvmoip.server.auth.Sessions;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Ties a WebSocket to the token that opened it: when the token ends the socket closes with
 * {@link SocketClose#SESSION_ENDED} and the reason, and from that moment no frame of the client
 * reaches the endpoint, even one already on its way (a key sent after logout types nothing).
 * First of the socket's handlers, so nothing behind it sees a frame it dropped.
 */
final class TokenBoundSocket extends ChannelInboundHandlerAdapter implements Sessions.Ending {

    static final String NAME = "ws-token";

    private static final Logger LOG = System.getLogger(TokenBoundSocket.class.getName());

    private volatile String endedReason;
    private volatile ChannelHandlerContext ctx;
    private volatile AutoCloseable attachment;

    /** Attaches to the token; closes the socket at once when the token has already ended. */
    void attach(Sessions sessions, String token) {
        attachment = sessions.attach(token, this).orElse(null);
        if (attachment == null) {
            ended(sessions.endedReason(token).orElse(Sessions.EXPIRED));
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Any thread: the flag first, so frames read from now on are dropped; the close on the socket's loop. */
    @Override
    public void ended(String reason) {
        endedReason = reason;
        ChannelHandlerContext context = ctx;
        context.executor().execute(() -> SocketClose.close(context, SocketClose.SESSION_ENDED, reason));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (endedReason != null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        AutoCloseable attached = attachment;
        if (attached != null) {
            try {
                attached.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not detach a closed socket from its token", e);
            }
        }
        ctx.fireChannelInactive();
    }
}
