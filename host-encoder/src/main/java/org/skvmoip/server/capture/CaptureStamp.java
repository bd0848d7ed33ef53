package org.skvmoip.server.capture;

/**
 * When a picture was captured, carried with it through encoding so a viewer can measure latency.
 *
 * @param nanoTime    {@link System#nanoTime()} when the capture read the picture
 * @param epochMicros wall clock at the same moment, microseconds since the epoch
 * @param signal      false for the "no signal" picture shown while the source is gone
 */
public record CaptureStamp(long nanoTime, long epochMicros, boolean signal) {

    public static CaptureStamp now(boolean signal) {
        long nanos = System.nanoTime();
        java.time.Instant wall = java.time.Instant.now();
        return new CaptureStamp(nanos, wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1_000, signal);
    }
}
