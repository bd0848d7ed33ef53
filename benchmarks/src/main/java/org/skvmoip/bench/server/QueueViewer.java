package org.skvmoip.bench.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.stream.AccessUnit;
import org.skvmoip.server.stream.StreamMode;
import org.skvmoip.server.stream.VideoPipelines;
import org.skvmoip.server.stream.ViewerQueue;

/**
 * A viewer inside the server's process: a {@link ViewerQueue} drained by its own thread as soon as
 * the pipeline fills it, as a fast connection drains it, without the cost of TLS and sockets.
 * While recording it counts the units and bytes it takes and the latency from capture to
 * taking each one.
 */
final class QueueViewer implements AutoCloseable {

    private final VideoPipelines video;
    private final ViewerQueue queue;
    private final Semaphore ready = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    // guarded by this
    private boolean recording;
    private Samples captureToTaken = new Samples();
    private long units;
    private long bytes;
    private long keyframeBytes;

    QueueViewer(VideoPipelines video, String machine) {
        this.video = video;
        this.queue = new ViewerQueue(machine, StreamMode.FULL);
        queue.onReady(ready::release);
        this.thread = new Thread(this::drain, "viewer-" + machine);
        thread.setDaemon(true);
        thread.start();
        video.subscribe(queue);
    }

    private void drain() {
        try {
            while (!closed) {
                ready.tryAcquire(100, TimeUnit.MILLISECONDS);
                for (AccessUnit unit = queue.poll(); unit != null; unit = queue.poll()) {
                    taken(unit, System.nanoTime());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void taken(AccessUnit unit, long now) {
        if (!recording) {
            return;
        }
        units++;
        bytes += unit.data().length;
        keyframeBytes += unit.keyframe() ? unit.data().length : 0;
        captureToTaken.add((now - unit.captureNanos()) / 1_000);
    }

    /** Starts a new measurement (what came before is forgotten). */
    synchronized void startRecording() {
        recording = true;
        captureToTaken = new Samples();
        units = 0;
        bytes = 0;
        keyframeBytes = 0;
    }

    synchronized void stopRecording() {
        recording = false;
    }

    /** Units taken per second over {@code seconds} of recording. */
    synchronized double fps(double seconds) {
        return units / seconds;
    }

    synchronized long units() {
        return units;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long keyframeBytes() {
        return keyframeBytes;
    }

    synchronized Samples captureToTaken() {
        return captureToTaken;
    }

    /** Units the queue dropped because this viewer was behind (never expected: it drains at once). */
    long dropped() {
        return queue.dropped();
    }

    @Override
    public void close() throws InterruptedException {
        video.unsubscribe(queue);
        closed = true;
        thread.join(1_000);
    }
}
