package org.skvmoip.client.api;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client side of one API WebSocket: joins message parts up to a bounded size, hands each
 * whole message on, and asks for the next only when that one is handled, so a slow reader slows
 * the server's sending (which then drops video to the next keyframe) instead of piling messages
 * up here. Reports the end of the socket once.
 */
abstract class MessageAssembler implements WebSocket.Listener {

    /** The code a socket is reported closed with when the connection broke without a close frame. */
    static final int ABNORMAL_CLOSURE = 1006;
    static final int MESSAGE_TOO_BIG = 1009;
    static final int POLICY_VIOLATION = 1008;
    static final int CLOSE_WAIT_SECONDS = 2;

    private final int maxBytes;
    private final SocketListener listener;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile WebSocket socket;

    MessageAssembler(int maxBytes, SocketListener listener) {
        this.maxBytes = maxBytes;
        this.listener = listener;
    }

    /** A whole text message arrived. Throws {@link IllegalArgumentException} when it is malformed. */
    void text(String message) {
    }

    /** A whole binary message arrived. Throws {@link IllegalArgumentException} when it is malformed. */
    void binary(ByteBuffer message) {
    }

    WebSocket socket() {
        return socket;
    }

    /**
     * The socket the opening handshake answered: set here as well as in {@link #onOpen}, because
     * the handshake's future may complete before onOpen has run on another thread.
     */
    void attach(WebSocket opened) {
        socket = opened;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (text.length() > maxBytes) {
            text.setLength(0);
            return refuse(webSocket, MESSAGE_TOO_BIG, "a text message longer than " + maxBytes + " characters");
        }
        if (last) {
            String message = text.toString();
            text.setLength(0);
            try {
                text(message);
            } catch (IllegalArgumentException e) {
                return refuse(webSocket, POLICY_VIOLATION, e.getMessage());
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (binary.size() + data.remaining() > maxBytes) {
            binary.reset();
            return refuse(webSocket, MESSAGE_TOO_BIG, "a binary message larger than " + maxBytes + " bytes");
        }
        if (last && binary.size() == 0) {
            return handleBinary(webSocket, data);
        }
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binary.writeBytes(part);
        if (last) {
            ByteBuffer message = ByteBuffer.wrap(binary.toByteArray());
            binary.reset();
            return handleBinary(webSocket, message);
        }
        webSocket.request(1);
        return null;
    }

    private CompletionStage<?> handleBinary(WebSocket webSocket, ByteBuffer message) {
        try {
            binary(message);
        } catch (IllegalArgumentException e) {
            return refuse(webSocket, POLICY_VIOLATION, e.getMessage());
        }
        webSocket.request(1);
        return null;
    }

    /** The server sent what this client cannot take: close, and tell the listener why. */
    private CompletionStage<?> refuse(WebSocket webSocket, int code, String why) {
        fail(ClientException.protocol("the server sent " + why, null));
        webSocket.sendClose(code, "").whenComplete((ws, e) -> {
            webSocket.abort();
            end(code, why);
        });
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        end(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail(error);
        end(ABNORMAL_CLOSURE, "");
    }

    private void fail(Throwable error) {
        if (!ended.get()) {
            listener.onFailure(error);
        }
    }

    /** Tells the listener once, however the socket ended. */
    private void end(int code, String reason) {
        if (ended.compareAndSet(false, true)) {
            listener.onClosed(code, reason);
        }
        closed.complete(null);
    }

    /**
     * Closes normally and drops the connection when the server has answered, or after
     * {@link #CLOSE_WAIT_SECONDS} at most. Does not block: a listener may call it from its callback.
     */
    void close() {
        WebSocket open = socket;
        if (open == null) {
            return;
        }
        if (!open.isOutputClosed()) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        closed.completeOnTimeout(null, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS).thenRun(() -> {
            open.abort();
            end(WebSocket.NORMAL_CLOSURE, "closed by this client");
        });
    }
}
