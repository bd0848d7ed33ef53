package org.skvmoip.protocol;

import org.skvmoip.hal.Crypto;

/**
 * The tag of an authenticated frame (docs/protocol.md §2): the first 16 bytes of
 * HMAC-SHA256(session key, direction | version | type | length | sequence | payload). The
 * direction byte keeps a frame from being reflected back to its sender as if the peer sent it.
 */
final class FrameMac {

    private final Crypto crypto;
    private final byte[] direction = new byte[1];
    private final byte[] mac = new byte[Crypto.HMAC_SHA256_LENGTH];

    /** @param sender the side whose frames this MAC covers */
    FrameMac(Crypto crypto, int sender) {
        this.crypto = crypto;
        this.direction[0] = (byte) Side.directionByte(sender);
    }

    /** Writes the tag of {@code frame[off .. off + covered)} at {@code frame[off + covered]}. */
    void sign(byte[] key, byte[] frame, int off, int covered) {
        compute(key, frame, off, covered);
        System.arraycopy(mac, 0, frame, off + covered, Protocol.TAG_LENGTH);
    }

    /** Whether the tag at {@code frame[off + covered]} is right for {@code frame[off .. off + covered)}. */
    boolean verify(byte[] key, byte[] frame, int off, int covered) {
        compute(key, frame, off, covered);
        return Bytes.constantTimeEquals(mac, 0, frame, off + covered, Protocol.TAG_LENGTH);
    }

    private void compute(byte[] key, byte[] frame, int off, int covered) {
        crypto.hmacSha256Concat(key, 0, Protocol.SESSION_KEY_LENGTH, direction, 0, 1, frame, off, covered, mac, 0);
    }
}
