package org.skvmoip.protocol;

import org.skvmoip.hal.Crypto;

/**
 * Writes one side's frames into a caller's buffer (docs/protocol.md §2, §4): plain during the
 * handshake, then with a sequence number and a tag under the session key. Each message method
 * checks its fields, writes header, payload and tag in place and returns the frame's length, or
 * a negative {@link ProtocolError} code having written nothing that counts (no sequence number
 * is spent on a refused frame). Allocates nothing after construction.
 */
public final class FrameEncoder {

    /** The sequence numbers of one direction run out after this many frames. */
    private static final long SEQUENCE_LIMIT = 1L << 32;

    private final FrameMac mac;
    private final byte[] key = new byte[Protocol.SESSION_KEY_LENGTH];
    private boolean authenticated;
    private long nextSequence;

    /** @param sender the side whose frames this encoder writes */
    public FrameEncoder(Crypto crypto, int sender) {
        this.mac = new FrameMac(crypto, sender);
    }

    /** Handshake frames: no sequence number, no tag. */
    public void plain() {
        authenticated = false;
        nextSequence = 0;
    }

    /** From now on every frame is authenticated under a copy of {@code sessionKey}, numbered from 0. */
    public void authenticated(byte[] sessionKey, int off) {
        System.arraycopy(sessionKey, off, key, 0, Protocol.SESSION_KEY_LENGTH);
        authenticated = true;
        nextSequence = 0;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    /** The sequence number the next authenticated frame will carry. */
    public long nextSequence() {
        return nextSequence;
    }

    /** Where a frame's payload starts, counted from the frame's first byte. */
    public int payloadOffset() {
        return authenticated ? Protocol.HEADER_LENGTH + Protocol.SEQUENCE_LENGTH : Protocol.HEADER_LENGTH;
    }

    /** The length on the wire of a frame with {@code payloadLength} bytes of payload. */
    public int frameLength(int payloadLength) {
        return payloadOffset() + payloadLength + (authenticated ? Protocol.TAG_LENGTH : 0);
    }

    /**
     * Completes a frame whose payload the caller already wrote at {@code dst[off + payloadOffset()]}:
     * header, sequence number and tag. No check of type or fields, so tests can build any frame.
     *
     * @return the frame's length, {@link ProtocolError#OUTPUT_FULL} when it does not fit
     *         {@code dst}, {@link ProtocolError#OVERSIZED_LENGTH} for a payload above
     *         {@link Protocol#MAX_PAYLOAD}, or {@link ProtocolError#SEQUENCE_EXHAUSTED}
     */
    public int seal(byte[] dst, int off, int type, int payloadLength) {
        if (payloadLength < 0 || payloadLength > Protocol.MAX_PAYLOAD) {
            return ProtocolError.OVERSIZED_LENGTH;
        }
        if (!fits(dst, off, payloadLength)) {
            return ProtocolError.OUTPUT_FULL;
        }
        if (authenticated && nextSequence >= SEQUENCE_LIMIT) {
            return ProtocolError.SEQUENCE_EXHAUSTED;
        }
        dst[off] = (byte) Protocol.VERSION;
        dst[off + 1] = (byte) type;
        Bytes.put16(dst, off + 2, payloadLength);
        if (!authenticated) {
            return Protocol.HEADER_LENGTH + payloadLength;
        }
        Bytes.put32(dst, off + Protocol.HEADER_LENGTH, (int) nextSequence);
        int covered = payloadOffset() + payloadLength;
        mac.sign(key, dst, off, covered);
        nextSequence++;
        return covered + Protocol.TAG_LENGTH;
    }

    public int keyboard(byte[] dst, int off, int modifiers, byte[] usages, int usagesOff, int count) {
        if (!fits(dst, off, Keyboard.USAGES + Math.max(0, Math.min(count, Keyboard.MAX_USAGES)))) {
            return ProtocolError.OUTPUT_FULL;
        }
        return finish(dst, off, MessageType.KEYBOARD,
                Keyboard.write(dst, off + payloadOffset(), modifiers, usages, usagesOff, count));
    }

    public int mouseRelative(byte[] dst, int off, int buttons, int dx, int dy, int wheel, int hwheel) {
        if (!fits(dst, off, MouseRelative.LENGTH)) {
            return ProtocolError.OUTPUT_FULL;
        }
        return finish(dst, off, MessageType.MOUSE_RELATIVE,
                MouseRelative.write(dst, off + payloadOffset(), buttons, dx, dy, wheel, hwheel));
    }

    public int mouseAbsolute(byte[] dst, int off, int buttons, int x, int y, int wheel, int hwheel) {
        if (!fits(dst, off, MouseAbsolute.LENGTH)) {
            return ProtocolError.OUTPUT_FULL;
        }
        return finish(dst, off, MessageType.MOUSE_ABSOLUTE,
                MouseAbsolute.write(dst, off + payloadOffset(), buttons, x, y, wheel, hwheel));
    }

    public int power(byte[] dst, int off, int action) {
        if (!fits(dst, off, Power.LENGTH)) {
            return ProtocolError.OUTPUT_FULL;
        }
        return finish(dst, off, MessageType.POWER, Power.write(dst, off + payloadOffset(), action));
    }

    public int status(byte[] dst, int off, int flags, int keyboardLeds, int hddActivity) {
        if (!fits(dst, off, Status.LENGTH)) {
            return ProtocolError.OUTPUT_FULL;
        }
        return finish(dst, off, MessageType.STATUS,
                Status.write(dst, off + payloadOffset(), flags, keyboardLeds, hddActivity));
    }

    /** ERROR carrying a {@link ProtocolError} code (negative) and its detail. */
    public int error(byte[] dst, int off, int code, int detail) {
        if (!ProtocolError.isDefined(code)) {
            return ProtocolError.BAD_FIELD;
        }
        if (!fits(dst, off, ErrorPayload.LENGTH)) {
            return ProtocolError.OUTPUT_FULL;
        }
        return finish(dst, off, MessageType.ERROR, ErrorPayload.write(dst, off + payloadOffset(), code, detail));
    }

    /** A message without payload: RELEASE_ALL, STATUS_REQUEST, KEEPALIVE or SECRET_CHANGED. */
    public int empty(byte[] dst, int off, int type) {
        if (MessageType.maxPayload(type) != 0) {
            return ProtocolError.BAD_FIELD;
        }
        return seal(dst, off, type, 0);
    }

    /** SET_SECRET: a 32-byte secret, which must not be all zeros. */
    public int secret(byte[] dst, int off, int type, byte[] secret, int secretOff) {
        if (type != MessageType.SET_SECRET || Bytes.isAllZero(secret, secretOff, Protocol.SECRET_LENGTH)) {
            return ProtocolError.BAD_FIELD;
        }
        return copy(dst, off, type, secret, secretOff, Protocol.SECRET_LENGTH);
    }

    /** ADOPT: the secret and the seed material ({@link Adopt}), neither all zeros. */
    public int adopt(byte[] dst, int off, byte[] secret, int secretOff, byte[] seedMaterial, int seedOff) {
        if (Bytes.isAllZero(secret, secretOff, Protocol.SECRET_LENGTH)
                || Bytes.isAllZero(seedMaterial, seedOff, Protocol.SEED_MATERIAL_LENGTH)) {
            return ProtocolError.BAD_FIELD;
        }
        if (!fits(dst, off, Adopt.LENGTH)) {
            return ProtocolError.OUTPUT_FULL;
        }
        int p = off + payloadOffset();
        System.arraycopy(secret, secretOff, dst, p + Adopt.SECRET, Protocol.SECRET_LENGTH);
        System.arraycopy(seedMaterial, seedOff, dst, p + Adopt.SEED_MATERIAL, Protocol.SEED_MATERIAL_LENGTH);
        return seal(dst, off, MessageType.ADOPT, Adopt.LENGTH);
    }

    /** AUTH_OK: the module's proof. */
    public int authOk(byte[] dst, int off, byte[] proof, int proofOff) {
        return copy(dst, off, MessageType.AUTH_OK, proof, proofOff, Protocol.PROOF_LENGTH);
    }

    /** AUTH: the server's nonce and proof. */
    public int auth(byte[] dst, int off, byte[] nonce, int nonceOff, byte[] proof, int proofOff) {
        if (!fits(dst, off, Auth.LENGTH)) {
            return ProtocolError.OUTPUT_FULL;
        }
        int p = off + payloadOffset();
        System.arraycopy(nonce, nonceOff, dst, p + Auth.NONCE, Protocol.NONCE_LENGTH);
        System.arraycopy(proof, proofOff, dst, p + Auth.PROOF, Protocol.PROOF_LENGTH);
        return seal(dst, off, MessageType.AUTH, Auth.LENGTH);
    }

    /** HELLO: who the module is, and its nonce for this connection. */
    public int hello(byte[] dst, int off, byte[] moduleId, int moduleIdOff, int firmwareVersion, boolean adopted,
            byte[] nonce, int nonceOff) {
        if (firmwareVersion < 0 || firmwareVersion > 0xFFFF) {
            return ProtocolError.BAD_FIELD;
        }
        if (!fits(dst, off, Hello.LENGTH)) {
            return ProtocolError.OUTPUT_FULL;
        }
        int p = off + payloadOffset();
        System.arraycopy(moduleId, moduleIdOff, dst, p + Hello.MODULE_ID, Protocol.MODULE_ID_LENGTH);
        Bytes.put16(dst, p + Hello.FIRMWARE_VERSION, firmwareVersion);
        dst[p + Hello.FLAGS] = (byte) (adopted ? Hello.FLAG_ADOPTED : 0);
        System.arraycopy(nonce, nonceOff, dst, p + Hello.NONCE, Protocol.NONCE_LENGTH);
        return seal(dst, off, MessageType.HELLO, Hello.LENGTH);
    }

    private int copy(byte[] dst, int off, int type, byte[] src, int srcOff, int len) {
        if (!fits(dst, off, len)) {
            return ProtocolError.OUTPUT_FULL;
        }
        System.arraycopy(src, srcOff, dst, off + payloadOffset(), len);
        return seal(dst, off, type, len);
    }

    private int finish(byte[] dst, int off, int type, int payloadLengthOrError) {
        return payloadLengthOrError < 0 ? payloadLengthOrError : seal(dst, off, type, payloadLengthOrError);
    }

    private boolean fits(byte[] dst, int off, int payloadLength) {
        return off >= 0 && dst.length - off >= frameLength(payloadLength);
    }
}
