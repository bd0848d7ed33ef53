package org.skvmoip.server.stream;

import java.util.ArrayDeque;

/**
 * One viewer's bounded queue of access units. The pipeline offers every access unit to every
 * queue and never waits; the viewer's connection drains it as fast as its socket takes data.
 *
 * <p>A viewer that falls behind (the queue reaches its bound in units or bytes) loses what is
 * queued and everything after it up to the next keyframe: H.264 cannot be decoded from the
 * middle of a group of pictures, so dropping to a keyframe is the only loss a decoder survives
 * without corruption. The queue then asks its pipeline for a keyframe so the gap is short; the
 * pipeline rate-limits those requests so one slow viewer cannot inflate everyone's bitrate.
 */
public final class ViewerQueue {

    /** About half a second at 60 fps: more would only add latency for a viewer that keeps up. */
    public static final int DEFAULT_MAX_UNITS = 32;
    public static final long DEFAULT_MAX_BYTES = 8L << 20;

    private final String machine;
    private final StreamMode mode;
    private final int maxUnits;
    private final long maxBytes;
    private final ArrayDeque<AccessUnit> units = new ArrayDeque<>();
    private volatile Runnable keyframeRequest = () -> { };
    private volatile Runnable onReady = () -> { };

    // guarded by this
    private long queuedBytes;
    private boolean waitingForKeyframe = true;
    private boolean closed;
    private long offered;
    private long dropped;
    private long delivered;

    public ViewerQueue(String machine, StreamMode mode) {
        this(machine, mode, DEFAULT_MAX_UNITS, DEFAULT_MAX_BYTES);
    }

    public ViewerQueue(String machine, StreamMode mode, int maxUnits, long maxBytes) {
        if (maxUnits < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a viewer queue holds at least one unit and one byte");
        }
        this.machine = machine;
        this.mode = mode;
        this.maxUnits = maxUnits;
        this.maxBytes = maxBytes;
    }

    /** Set by the pipeline: asks the encoder for an IDR picture (rate-limited there). */
    public void keyframeRequest(Runnable request) {
        this.keyframeRequest = request;
    }

    /**
     * Set by the viewer's connection: run (on the pipeline's thread, so it must only hand off)
     * when the queue goes from empty to holding a unit.
     */
    public void onReady(Runnable listener) {
        this.onReady = listener;
    }

    /**
     * Producer side: queues {@code unit}, or drops it. Returns whether it was queued.
     */
    public boolean offer(AccessUnit unit) {
        boolean becameReady;
        boolean askForKeyframe = false;
        synchronized (this) {
            if (closed) {
                return false;
            }
            offered++;
            if (waitingForKeyframe && !unit.keyframe()) {
                dropped++;
                return false;
            }
            if (units.size() >= maxUnits || queuedBytes + unit.data().length > maxBytes) {
                dropped += units.size() + 1L;
                units.clear();
                queuedBytes = 0;
                waitingForKeyframe = true;
                askForKeyframe = true;
                becameReady = false;
            } else {
                waitingForKeyframe = false;
                becameReady = units.isEmpty();
                units.addLast(unit);
                queuedBytes += unit.data().length;
            }
        }
        if (askForKeyframe) {
            keyframeRequest.run();
            return false;
        }
        if (becameReady) {
            onReady.run();
        }
        return true;
    }

    /** Consumer side: the oldest queued unit, or null. */
    public synchronized AccessUnit poll() {
        AccessUnit unit = units.pollFirst();
        if (unit != null) {
            queuedBytes -= unit.data().length;
            delivered++;
        }
        return unit;
    }

    /** Stops accepting units and frees what is queued. Idempotent. */
    public synchronized void close() {
        closed = true;
        units.clear();
        queuedBytes = 0;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized int size() {
        return units.size();
    }

    public synchronized long offered() {
        return offered;
    }

    /** Units this viewer lost for being slow (or for joining between keyframes). */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized long delivered() {
        return delivered;
    }

    public String machine() {
        return machine;
    }

    public StreamMode mode() {
        return mode;
    }
}
