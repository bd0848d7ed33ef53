package org.skvmoip.server.stream;

import java.util.concurrent.atomic.AtomicLong;

/** One machine's encoding in one mode since the server started, over every pipeline run. */
final class StreamCounters {

    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong encodeNanos = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** Drops of viewers that have left (those still watching are counted from their queues). */
    private final AtomicLong departedDrops = new AtomicLong();
    private final RateMeter rate = new RateMeter();

    void frameEncoded(long nanos, long finishedAt) {
        frames.incrementAndGet();
        encodeNanos.addAndGet(nanos);
        rate.record(finishedAt);
    }

    void bytesEncoded(int count) {
        bytes.addAndGet(count);
    }

    void viewerLeft(ViewerQueue viewer) {
        departedDrops.addAndGet(viewer.dropped());
    }

    long frames() {
        return frames.get();
    }

    long encodeNanos() {
        return encodeNanos.get();
    }

    long bytes() {
        return bytes.get();
    }

    long departedDrops() {
        return departedDrops.get();
    }

    double fps() {
        return rate.perSecond(System.nanoTime());
    }
}
