package org.skvmoip.protocol;

import org.skvmoip.hal.Crypto;

/**
 * What both ends of a session share (docs/protocol.md §2, §5, §6): the decoder for the peer's
 * frames with tag and sequence checks, the encoder for this side's frames, an output queue, the
 * keep-alive clocks, and the rule that any error ends the session after an ERROR frame.
 */
final class Channel {

    /** Room for a few frames: the handshake reply plus a STATUS and an ERROR never exceed it. */
    static final int OUTPUT_CAPACITY = 4 * Protocol.MAX_FRAME;

    final FrameDecoder decoder;
    final FrameEncoder encoder;
    private final FrameMac peerMac;
    private final byte[] key = new byte[Protocol.SESSION_KEY_LENGTH];
    private final byte[] output = new byte[OUTPUT_CAPACITY];
    private int outputLength;
    private boolean open;
    private boolean authenticated;
    private long expectedSequence;
    private long now;
    private long openedAt;
    private long lastReceived;
    private long lastSent;
    private int consumed;

    Channel(Crypto crypto, int local) {
        this.decoder = new FrameDecoder(local);
        this.encoder = new FrameEncoder(crypto, local);
        this.peerMac = new FrameMac(crypto, Side.peer(local));
    }

    /** A new connection: plain frames, empty output, the handshake clock started. */
    void open(long nowMillis) {
        decoder.reset(false);
        encoder.plain();
        outputLength = 0;
        open = true;
        authenticated = false;
        expectedSequence = 0;
        now = nowMillis;
        openedAt = nowMillis;
        lastReceived = nowMillis;
        lastSent = nowMillis;
    }

    /** Both directions switch to authenticated frames under {@code sessionKey}. */
    void authenticate(byte[] sessionKey) {
        System.arraycopy(sessionKey, 0, key, 0, Protocol.SESSION_KEY_LENGTH);
        decoder.setAuthenticated(true);
        encoder.authenticated(sessionKey, 0);
        authenticated = true;
        expectedSequence = 0;
        lastReceived = now;
    }

    boolean isOpen() {
        return open;
    }

    boolean isAuthenticated() {
        return open && authenticated;
    }

    /** Ends the session without a frame (the connection is already gone). */
    void close() {
        open = false;
        authenticated = false;
    }

    /**
     * Takes bytes up to the end of one frame and checks it: tag, then sequence number, then fields.
     *
     * @return {@link FrameDecoder#FRAME} for a good frame (read it through {@link #decoder}),
     *         {@link SessionEvent#NONE} when more bytes are needed, or an error that ended the session
     */
    int receive(byte[] src, int off, int len, long nowMillis) {
        now = nowMillis;
        consumed = 0;
        if (!open) {
            return ProtocolError.SESSION_CLOSED;
        }
        int result = decoder.feed(src, off, len);
        consumed = decoder.consumed();
        if (result < 0) {
            return fail(result, decoder.errorDetail());
        }
        if (result == FrameDecoder.NEED_MORE) {
            return SessionEvent.NONE;
        }
        byte[] frame = decoder.buffer();
        if (authenticated) {
            if (!peerMac.verify(key, frame, 0, decoder.tagOffset())) {
                return fail(ProtocolError.BAD_MAC, 0);
            }
            if (expectedSequence > 0xFFFFFFFFL) {
                return fail(ProtocolError.SEQUENCE_EXHAUSTED, 0);
            }
            long sequence = decoder.sequence() & 0xFFFFFFFFL;
            if (sequence < expectedSequence) {
                return fail(ProtocolError.SEQUENCE_REPLAYED, (int) sequence);
            }
            if (sequence > expectedSequence) {
                return fail(ProtocolError.SEQUENCE_GAP, (int) sequence);
            }
            expectedSequence++;
        }
        int fields = MessageType.validate(decoder.type(), frame, decoder.payloadOffset(), decoder.payloadLength());
        if (fields < 0) {
            return fail(fields, fields == ProtocolError.BAD_FIELD ? decoder.type() : decoder.payloadLength());
        }
        lastReceived = nowMillis;
        return FrameDecoder.FRAME;
    }

    int consumed() {
        return consumed;
    }

    /**
     * Keep-alive and timeouts (docs/protocol.md §6): queues KEEPALIVE after
     * {@link Protocol#KEEPALIVE_INTERVAL_MILLIS} without output; ends the session when the
     * handshake or the peer's frames are late.
     */
    int tick(long nowMillis) {
        now = nowMillis;
        if (!open) {
            return ProtocolError.SESSION_CLOSED;
        }
        if (!authenticated) {
            return nowMillis - openedAt >= Protocol.HANDSHAKE_TIMEOUT_MILLIS
                    ? fail(ProtocolError.HANDSHAKE_TIMEOUT, 0) : SessionEvent.NONE;
        }
        if (nowMillis - lastReceived >= Protocol.KEEPALIVE_TIMEOUT_MILLIS) {
            return fail(ProtocolError.KEEPALIVE_TIMEOUT, 0);
        }
        if (nowMillis - lastSent >= Protocol.KEEPALIVE_INTERVAL_MILLIS) {
            // A full queue already holds output that will go out; no need to add to it.
            queued(encoder.empty(output, outputLength, MessageType.KEEPALIVE));
        }
        return SessionEvent.NONE;
    }

    /** The time at which {@link #tick} next has something to do; {@code Long.MAX_VALUE} when closed. */
    long nextDeadline() {
        if (!open) {
            return Long.MAX_VALUE;
        }
        if (!authenticated) {
            return openedAt + Protocol.HANDSHAKE_TIMEOUT_MILLIS;
        }
        return Math.min(lastReceived + Protocol.KEEPALIVE_TIMEOUT_MILLIS,
                lastSent + Protocol.KEEPALIVE_INTERVAL_MILLIS);
    }

    /**
     * Ends the session for {@code code}, queuing an ERROR frame to tell the peer (authenticated
     * once the session is, plain before) unless the peer ended it or nothing can be sent.
     */
    int fail(int code, int detail) {
        if (open && code != ProtocolError.PEER_ERROR && code != ProtocolError.SESSION_CLOSED) {
            queued(encoder.error(output, outputLength, code, detail));
        }
        close();
        return code;
    }

    /** Accounts for a frame an encoder method wrote at {@link #outputEnd()}; passes errors through. */
    int queued(int frameLengthOrError) {
        if (frameLengthOrError > 0) {
            outputLength += frameLengthOrError;
            lastSent = now;
        }
        return frameLengthOrError;
    }

    byte[] output() {
        return output;
    }

    int outputEnd() {
        return outputLength;
    }

    void outputSent(int count) {
        int sent = Math.max(0, Math.min(count, outputLength));
        System.arraycopy(output, sent, output, 0, outputLength - sent);
        outputLength -= sent;
    }
}
