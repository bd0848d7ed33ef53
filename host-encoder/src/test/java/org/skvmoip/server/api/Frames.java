package org.skvmoip.server.api;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client listener that collects whole messages (text and binary) and the close, and
 * asks for the next message only when told to keep reading: a listener that stops asking stops
 * reading the socket, as a slow viewer does.
 */
public final class Frames implements WebSocket.Listener {

    public final BlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> text = new LinkedBlockingQueue<>();
    /** "code reason" as the server closed the socket, or "error ..." */
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    private final boolean reads;
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final StringBuilder partialText = new StringBuilder();

    private Frames(boolean reads) {
        this.reads = reads;
    }

    public static Frames reading() {
        return new Frames(true);
    }

    /** Never asks for a message: the socket's data piles up in the kernel and then in the server. */
    static Frames notReading() {
        return new Frames(false);
    }

    @Override
    public void onOpen(WebSocket socket) {
        if (reads) {
            socket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        partialBinary.writeBytes(bytes);
        if (last) {
            binary.add(partialBinary.toByteArray());
            partialBinary.reset();
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            text.add(partialText.toString());
            partialText.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.complete("error " + error);
    }

    byte[] nextBinary() throws InterruptedException {
        byte[] frame = binary.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no binary message within 10 s");
        }
        return frame;
    }

    String nextText() throws InterruptedException {
        String message = text.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no text message within 10 s");
        }
        return message;
    }
}
