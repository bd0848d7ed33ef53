package org.skvmoip.server.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.skvmoip.server.testutil.H264TestDecoder;

/**
 * A viewer of a machine's video socket as a client would be: reads each binary message's header
 * (docs/api.md, video socket), decodes the access units with FFmpeg and keeps the newest picture.
 * {@code demand} false makes a viewer that never reads (its messages pile up in the server).
 */
final class VideoSocketViewer implements WebSocket.Listener, AutoCloseable {

    static final int HEADER_VERSION = 1;

    private final H264TestDecoder decoder = new H264TestDecoder();
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private final boolean demand;
    private final WebSocket socket;

    // guarded by this
    private BufferedImage latest;
    private int units;
    private int keyframes;
    private long lastSequence = -1;
    private int gaps;
    private boolean firstWasKeyframe;
    private Throwable failure;
    private long captureToSendMicrosTotal;

    VideoSocketViewer(HttpClient http, URI uri, String token, boolean demand) {
        this.demand = demand;
        this.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this).orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(demand ? Long.MAX_VALUE : 0);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        message.write(bytes, 0, bytes.length);
        if (last) {
            accept(ByteBuffer.wrap(message.toByteArray()));
            message.reset();
        }
        return null;
    }

    private void accept(ByteBuffer m) {
        int version = m.get(0) & 0xFF;
        boolean keyframe = (m.get(1) & 1) != 0;
        int headerLength = m.getShort(2) & 0xFFFF;
        long sequence = m.getInt(4) & 0xFFFF_FFFFL;
        long capture = m.getLong(16);
        long send = m.getLong(24);
        byte[] unit = new byte[m.capacity() - headerLength];
        m.position(headerLength);
        m.get(unit);
        synchronized (this) {
            try {
                if (version != HEADER_VERSION) {
                    throw new AssertionError("video header version " + version);
                }
                if (units == 0) {
                    firstWasKeyframe = keyframe;
                }
                if (lastSequence >= 0 && sequence != lastSequence + 1) {
                    gaps++;
                }
                lastSequence = sequence;
                units++;
                keyframes += keyframe ? 1 : 0;
                captureToSendMicrosTotal += send - capture;
                List<BufferedImage> pictures = decoder.decode(unit);
                if (!pictures.isEmpty()) {
                    latest = pictures.get(pictures.size() - 1);
                }
            } catch (Throwable t) {
                failure = t;
            }
            notifyAll();
        }
    }

    synchronized BufferedImage awaitPicture(String what, Predicate<BufferedImage> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failure == null && (latest == null || !wanted.test(latest))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no decoded picture " + what + " within " + timeout + " (" + units
                        + " units received)");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (failure != null) {
            throw new AssertionError("the video could not be decoded", failure);
        }
        return latest;
    }

    synchronized void awaitUnits(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failure == null && units < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + units + " of " + count + " units within " + timeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized int units() {
        return units;
    }

    synchronized int gaps() {
        return gaps;
    }

    synchronized boolean firstWasKeyframe() {
        return firstWasKeyframe;
    }

    /** Lets a viewer created without demand read {@code n} more messages. */
    void request(long n) {
        socket.request(n);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        socket.abort();
        synchronized (this) {
            decoder.close();
        }
    }
}
