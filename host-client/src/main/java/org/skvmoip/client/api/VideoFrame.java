package org.skvmoip.client.api;

import java.nio.ByteBuffer;

/**
 * One H.264 access unit from the video socket with its header (docs/api.md, Video socket).
 *
 * @param keyframe      an IDR picture (SPS and PPS in front): a decoder may start here
 * @param sequence      counts the units of one pipeline run from 0, unsigned 32 bits; a gap
 *                      means units were dropped, a restart at 0 that the pipeline restarted
 * @param ptsMicros     presentation time from the capture source
 * @param captureMicros when the picture was captured, microseconds since 1970, server clock
 * @param sendMicros    when the server wrote the message, same clock
 * @param width         pixels
 * @param height        pixels
 * @param accessUnit    the access unit in Annex-B form (start codes)
 */
public record VideoFrame(boolean keyframe, long sequence, long ptsMicros, long captureMicros, long sendMicros,
        int width, int height, byte[] accessUnit) {

    /** The header version this client reads; a later version may append fields, which are skipped. */
    public static final int VERSION = 1;
    /** Header bytes in version 1. */
    public static final int HEADER_BYTES = 36;

    /** The server's own latency: capture, encode and queueing, in microseconds. */
    public long serverLatencyMicros() {
        return sendMicros - captureMicros;
    }

    /**
     * Reads one video message; throws {@link IllegalArgumentException} saying what is wrong with a
     * message that is not one.
     */
    public static VideoFrame parse(ByteBuffer message) {
        ByteBuffer m = message.slice();
        if (m.remaining() < HEADER_BYTES) {
            throw new IllegalArgumentException("video message of " + m.remaining() + " bytes is shorter than the "
                    + HEADER_BYTES + "-byte header");
        }
        int version = m.get(0) & 0xFF;
        if (version != VERSION) {
            throw new IllegalArgumentException("video header version " + version + "; this client reads version "
                    + VERSION + " (update the client)");
        }
        int headerLength = m.getShort(2) & 0xFFFF;
        if (headerLength < HEADER_BYTES || headerLength > m.remaining()) {
            throw new IllegalArgumentException("video header length " + headerLength + " must be from " + HEADER_BYTES
                    + " to the message's " + m.remaining() + " bytes");
        }
        byte[] unit = new byte[m.remaining() - headerLength];
        m.get(headerLength, unit);
        return new VideoFrame((m.get(1) & 1) != 0, m.getInt(4) & 0xFFFF_FFFFL, m.getLong(8), m.getLong(16),
                m.getLong(24), m.getShort(32) & 0xFFFF, m.getShort(34) & 0xFFFF, unit);
    }

    @Override
    public String toString() {
        return "VideoFrame[" + (keyframe ? "keyframe " : "") + "#" + sequence + ", " + width + "x" + height + ", "
                + accessUnit.length + " bytes]";
    }
}
