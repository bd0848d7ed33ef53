package org.skvmoip.client.video;

/**
 * One H.264 access unit as the video socket delivers it (docs/api.md, video socket).
 *
 * @param annexB        the array holding the unit, Annex-B
 * @param offset        where the unit starts in {@code annexB}
 * @param length        its length in bytes
 * @param keyframe      it holds an IDR picture, so decoding may start here
 * @param sequence      the server's count of units in this pipeline run (unsigned 32 bits)
 * @param captureMicros when its picture was captured, microseconds since 1970 on the server's clock
 */
public record EncodedUnit(byte[] annexB, int offset, int length, boolean keyframe, long sequence, long captureMicros) {

    public EncodedUnit {
        if (offset < 0 || length < 0 || offset + length > annexB.length) {
            throw new IllegalArgumentException("unit of " + length + " bytes at " + offset
                    + " does not fit an array of " + annexB.length);
        }
    }

    /** A whole array as one unit. */
    public static EncodedUnit of(byte[] annexB, boolean keyframe, long sequence, long captureMicros) {
        return new EncodedUnit(annexB, 0, annexB.length, keyframe, sequence, captureMicros);
    }
}
