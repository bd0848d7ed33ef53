package org.skvmoip.server.api;

import java.nio.charset.StandardCharsets;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

/** Closes a WebSocket with a status code (RFC 6455 §7.4.1) and a reason the client can show. */
public final class SocketClose {

    public static final int GOING_AWAY = 1001;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;
    public static final int TRY_AGAIN_LATER = 1013;
    /** Ours, from the range RFC 6455 §7.4.2 leaves to applications: the socket's token ended; log in again. */
    public static final int SESSION_ENDED = 4001;

    /** A close frame's reason fits in 123 bytes of UTF-8 (125 bytes of payload less the code). */
    private static final int MAX_REASON_BYTES = 123;

    private SocketClose() {
    }

    public static void close(ChannelHandlerContext ctx, int code, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(code, fit(reason))).addListener(ChannelFutureListener.CLOSE);
    }

    static String fit(String reason) {
        if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 3; // the "..." at the end
        for (int i = 0; i < reason.length(); ) {
            int cp = reason.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_REASON_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.append("...").toString();
    }
}
