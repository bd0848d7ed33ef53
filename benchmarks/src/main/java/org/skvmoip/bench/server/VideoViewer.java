package org.skvmoip.bench.server;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.api.socket.VideoFrameHeader;

/**
 * A client of a machine's video socket (docs/api.md, video socket) that reads each message's
 * header and keeps, while recording, per access unit: capture to send (the server's own latency,
 * from the header) and capture to receive (the same clock: client and server share this host).
 * It does not decode while it receives, so that the viewer costs the server's cores little;
 * with {@code keepUnits} it keeps the units, from the first, to be decoded afterwards.
 */
final class VideoViewer implements WebSocket.Listener, AutoCloseable {

    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private final boolean keepUnits;
    private final WebSocket socket;

    // guarded by this
    private boolean recording;
    private final Samples captureToSend = new Samples();
    private final Samples captureToReceive = new Samples();
    private final List<byte[]> units = new ArrayList<>();
    private int firstRecordedUnit = -1;
    private long received;
    private long recorded;
    private long recordedBytes;
    private long firstReceiveMicros;
    private long lastReceiveMicros;
    private long lastSequence = -1;
    private long gaps;
    private long keyframes;
    private Throwable failure;

    private VideoViewer(HttpClient http, URI uri, String token, boolean keepUnits) {
        this.keepUnits = keepUnits;
        this.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this).orTimeout(30, TimeUnit.SECONDS).join();
    }

    static VideoViewer connect(HttpClient http, URI uri, String token, boolean keepUnits) {
        return new VideoViewer(http, uri, token, keepUnits);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (message.size() == 0 && last) {
            accept(data);
        } else {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            message.write(part, 0, part.length);
            if (last) {
                accept(ByteBuffer.wrap(message.toByteArray()));
                message.reset();
            }
        }
        return null;
    }

    private void accept(ByteBuffer m) {
        long receiveMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        int size = m.remaining();
        synchronized (this) {
            try {
                VideoFrameHeader.Fields header = VideoFrameHeader.read(m);
                received++;
                keyframes += header.keyframe() ? 1 : 0;
                if (keepUnits && (recording || recorded == 0)) {
                    byte[] unit = new byte[m.remaining()];
                    m.get(unit);
                    units.add(unit);
                }
                if (lastSequence >= 0 && header.sequence() != lastSequence + 1) {
                    gaps++;
                }
                lastSequence = header.sequence();
                if (recording) {
                    if (recorded == 0) {
                        firstReceiveMicros = receiveMicros;
                        firstRecordedUnit = (int) received - 1;
                    }
                    lastReceiveMicros = receiveMicros;
                    recorded++;
                    recordedBytes += size;
                    captureToSend.add(header.sendEpochMicros() - header.captureEpochMicros());
                    captureToReceive.add(receiveMicros - header.captureEpochMicros());
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            notifyAll();
        }
    }

    /** From now on units are measured (what came before was warm-up). */
    synchronized void startRecording() {
        recording = true;
    }

    /** Waits until {@code count} units were recorded; stops recording. */
    synchronized void awaitRecorded(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failure == null && recorded < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("only " + recorded + " of " + count + " video units came within "
                        + timeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        recording = false;
        if (failure != null) {
            throw new IllegalStateException("a video message could not be read", failure);
        }
    }

    synchronized Samples captureToSend() {
        return captureToSend;
    }

    synchronized Samples captureToReceive() {
        return captureToReceive;
    }

    synchronized long received() {
        return received;
    }

    synchronized long recorded() {
        return recorded;
    }

    /** Units received per second while recording. */
    synchronized double recordedFps() {
        return recorded < 2 ? 0 : (recorded - 1) * 1e6 / (lastReceiveMicros - firstReceiveMicros);
    }

    synchronized double recordedBytesPerSecond() {
        return recorded < 2 ? 0 : recordedBytes * 1e6 / (lastReceiveMicros - firstReceiveMicros);
    }

    /** Sequence numbers skipped: units the server dropped for this viewer. */
    synchronized long gaps() {
        return gaps;
    }

    synchronized long keyframes() {
        return keyframes;
    }

    /** Every unit received until recording stopped (with {@code keepUnits}), the first a keyframe. */
    synchronized List<byte[]> units() {
        return List.copyOf(units);
    }

    /** Index in {@link #units()} of the first recorded unit. */
    synchronized int firstRecordedUnit() {
        return firstRecordedUnit;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
        socket.abort();
    }
}
