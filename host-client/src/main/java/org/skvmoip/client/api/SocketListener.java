package org.skvmoip.client.api;

/**
 * How a WebSocket of the API ends; the listeners of each socket add their own messages. Listeners
 * are called on the HTTP client's threads, one message at a time per socket, never on a UI
 * thread: a JavaFX client hands what it gets to its own thread (Platform.runLater).
 */
public interface SocketListener {

    /**
     * The close code of every socket whose token ended (logout, expiry, eviction by the per-user
     * limit, an account change); the reason says which. Not worth reopening: log in again.
     */
    int SESSION_ENDED = 4001;

    /**
     * The socket closed: {@code code} is the server's close code (docs/api.md, WebSockets: 1001
     * no answer to a ping, 1008 a malformed message, 1011 the stream could not start, 1013 busy,
     * {@link #SESSION_ENDED} the token ended...),
     * or 1006 when the connection broke without one.
     */
    default void onClosed(int code, String reason) {
    }

    /** The connection failed or sent what this client cannot read; the socket is closed after this. */
    default void onFailure(Throwable error) {
    }
}
