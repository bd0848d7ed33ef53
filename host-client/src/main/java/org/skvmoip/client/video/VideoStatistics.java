package org.skvmoip.client.video;

/**
 * Counters of one stream, written by the network, decoder and screen threads and sampled by the
 * overlay: each {@link #sample} reports the rates since the previous one.
 */
final class VideoStatistics {

    private long bytes;
    private long decodedPictures;
    private long decodeNanos;
    private long shownPictures;
    private long latencyMicros;
    private long skipped;
    private int width;
    private int height;

    private long lastSampleNanos = System.nanoTime();
    private long lastBytes;
    private long lastDecoded;
    private long lastDecodeNanos;
    private long lastShown;
    private long lastLatencyMicros;

    synchronized void received(int unitBytes) {
        bytes += unitBytes;
    }

    synchronized void decoded(long nanos, int pictureWidth, int pictureHeight) {
        decodedPictures++;
        decodeNanos += nanos;
        width = pictureWidth;
        height = pictureHeight;
    }

    synchronized void skipped(long units) {
        skipped += units;
    }

    /** A picture reached the screen; its latency is measured against this machine's clock. */
    synchronized void shown(long captureMicros, long nowMicros) {
        shownPictures++;
        latencyMicros += nowMicros - captureMicros;
    }

    synchronized VideoStats sample(String decoder, long dropped, long nowNanos) {
        double seconds = Math.max(1e-9, (nowNanos - lastSampleNanos) / 1e9);
        long decodedNow = decodedPictures - lastDecoded;
        long shownNow = shownPictures - lastShown;
        VideoStats stats = new VideoStats(decoder, width, height, shownNow / seconds,
                (bytes - lastBytes) * 8 / 1000.0 / seconds,
                decodedNow == 0 ? Double.NaN : (decodeNanos - lastDecodeNanos) / 1e6 / decodedNow,
                shownNow == 0 ? Double.NaN : (latencyMicros - lastLatencyMicros) / 1000.0 / shownNow,
                dropped, skipped);
        lastSampleNanos = nowNanos;
        lastBytes = bytes;
        lastDecoded = decodedPictures;
        lastDecodeNanos = decodeNanos;
        lastShown = shownPictures;
        lastLatencyMicros = latencyMicros;
        return stats;
    }
}
