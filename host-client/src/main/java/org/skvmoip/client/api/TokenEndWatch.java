package org.skvmoip.client.api;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Stands between an API socket and its own listener to hear, for the whole connection, when the
 * token that opened the socket ends (close code {@link SocketListener#SESSION_ENDED}): every
 * socket of a client learns it, and the client must stop all of them, not only that one.
 */
final class TokenEndWatch implements WebSocket.Listener {

    private final WebSocket.Listener socket;
    private final Consumer<String> ended;

    TokenEndWatch(WebSocket.Listener socket, Consumer<String> ended) {
        this.socket = socket;
        this.ended = ended;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        // The connection first: by the time the socket's own listener hears of it, so has the connection's.
        if (statusCode == SocketListener.SESSION_ENDED) {
            ended.accept(reason);
        }
        return socket.onClose(webSocket, statusCode, reason);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket.onOpen(webSocket);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        return socket.onText(webSocket, data, last);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        return socket.onBinary(webSocket, data, last);
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        return socket.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        return socket.onPong(webSocket, message);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        socket.onError(webSocket, error);
    }
}
