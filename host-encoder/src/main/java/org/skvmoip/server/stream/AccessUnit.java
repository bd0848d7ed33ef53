package org.skvmoip.server.stream;

/**
 * One encoded H.264 picture as it goes to every viewer of a machine: Annex-B byte stream (start
 * codes, SPS/PPS in front of every keyframe) and the times a viewer needs to measure latency.
 * The array is shared by all viewers and never written after construction.
 *
 * @param data             the Annex-B access unit
 * @param keyframe         an IDR picture: a viewer may start (or restart after drops) here
 * @param sequence         counts access units of one pipeline run from 0
 * @param ptsMicros        presentation time from the capture source, microseconds
 * @param captureEpochMicros wall clock when the picture was captured, microseconds since the epoch
 * @param captureNanos     {@link System#nanoTime()} when the picture was captured
 * @param encodedNanos     {@link System#nanoTime()} when the encoder returned it
 */
public record AccessUnit(byte[] data, boolean keyframe, long sequence, long ptsMicros, long captureEpochMicros,
        long captureNanos, long encodedNanos, int width, int height) {
}
