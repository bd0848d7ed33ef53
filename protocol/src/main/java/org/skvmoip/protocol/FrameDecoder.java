package org.skvmoip.protocol;

/**
 * Cuts frames out of a byte stream that arrives in pieces of any size (docs/protocol.md §2).
 * Each byte of the header is checked as soon as it is in, so a bad version, an unknown type or a
 * length above {@link Protocol#MAX_PAYLOAD} is refused before any payload is read. The decoder
 * holds one frame in a buffer allocated once; it allocates nothing afterwards.
 *
 * <p>It checks framing only: the tag, the sequence number and the fields are checked by the
 * session ({@link ModuleSession}, {@link ServerSession}) that owns the key. After an error the
 * decoder refuses everything until {@link #reset}: a stream that lost its framing cannot be
 * trusted to find it again.
 */
public final class FrameDecoder {

    /** {@link #feed} took every byte it was given and the frame is not complete yet. */
    public static final int NEED_MORE = 0;
    /** {@link #feed} completed a frame; bytes after it were left unconsumed. */
    public static final int FRAME = 1;

    private final int sender;
    private final byte[] frame = new byte[Protocol.MAX_FRAME];
    private boolean authenticated;
    private int filled;
    private int frameLength;
    private boolean complete;
    private int error;
    private int errorDetail;
    private int consumed;

    /**
     * @param receiver the side this decoder runs on ({@link Side#SERVER} or {@link Side#MODULE});
     *                 it accepts only the types its peer may send
     */
    public FrameDecoder(int receiver) {
        this.sender = Side.peer(receiver);
    }

    /** Forgets any partial frame and error; {@code authenticated} selects the frame layout. */
    public void reset(boolean authenticated) {
        this.authenticated = authenticated;
        filled = 0;
        frameLength = 0;
        complete = false;
        error = 0;
        errorDetail = 0;
        consumed = 0;
    }

    /**
     * Switches to the authenticated layout (sequence number and tag) from the next frame on; call
     * it between frames, i.e. right after {@link #feed} returned {@link #FRAME}.
     */
    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    /**
     * Takes bytes from {@code src[off .. off + len)} up to the end of one frame.
     *
     * @return {@link #NEED_MORE}, {@link #FRAME}, or a negative {@link ProtocolError} code (also
     *         on every later call until {@link #reset}); {@link #consumed()} says how many bytes
     *         were taken
     */
    public int feed(byte[] src, int off, int len) {
        consumed = 0;
        if (error != 0) {
            return error;
        }
        if (complete) {
            filled = 0;
            frameLength = 0;
            complete = false;
        }
        while (consumed < len) {
            int target = frameLength == 0 ? Protocol.HEADER_LENGTH : frameLength;
            int take = Math.min(target - filled, len - consumed);
            System.arraycopy(src, off + consumed, frame, filled, take);
            int before = filled;
            filled += take;
            consumed += take;
            if (frameLength == 0) {
                int result = checkHeader(before);
                if (result != 0) {
                    return result;
                }
            }
            if (frameLength != 0 && filled == frameLength) {
                complete = true;
                return FRAME;
            }
        }
        return NEED_MORE;
    }

    /** Bytes taken by the last {@link #feed}. */
    public int consumed() {
        return consumed;
    }

    /** The sticky error, or 0. */
    public int error() {
        return error;
    }

    /** What the error's description names: the version byte, type byte or length field received. */
    public int errorDetail() {
        return errorDetail;
    }

    /** The buffer holding the last complete frame, starting at index 0. */
    public byte[] buffer() {
        return frame;
    }

    public int type() {
        return frame[1] & 0xFF;
    }

    public int payloadLength() {
        return Bytes.u16(frame, 2);
    }

    public int payloadOffset() {
        return authenticated ? Protocol.HEADER_LENGTH + Protocol.SEQUENCE_LENGTH : Protocol.HEADER_LENGTH;
    }

    /** The sequence number of an authenticated frame, as 32 bits ({@code & 0xFFFFFFFFL} for its value). */
    public int sequence() {
        return Bytes.s32(frame, Protocol.HEADER_LENGTH);
    }

    /** Where the tag of an authenticated frame starts; also the length of what the tag covers. */
    public int tagOffset() {
        return payloadOffset() + payloadLength();
    }

    public int frameLength() {
        return frameLength;
    }

    private int checkHeader(int checkedBefore) {
        if (checkedBefore < 1 && filled >= 1 && (frame[0] & 0xFF) != Protocol.VERSION) {
            return fail(ProtocolError.BAD_VERSION, frame[0] & 0xFF);
        }
        if (checkedBefore < 2 && filled >= 2) {
            int type = frame[1] & 0xFF;
            if (!MessageType.isSentBy(sender, type)) {
                return fail(ProtocolError.UNKNOWN_TYPE, type);
            }
        }
        if (filled == Protocol.HEADER_LENGTH) {
            int length = payloadLength();
            int type = type();
            if (length > Protocol.MAX_PAYLOAD) {
                return fail(ProtocolError.OVERSIZED_LENGTH, length);
            }
            if (length < MessageType.minPayload(type)) {
                return fail(ProtocolError.TOO_SHORT_FOR_TYPE, length);
            }
            if (length > MessageType.maxPayload(type)) {
                return fail(ProtocolError.TOO_LONG_FOR_TYPE, length);
            }
            frameLength = payloadOffset() + length + (authenticated ? Protocol.TAG_LENGTH : 0);
        }
        return 0;
    }

    private int fail(int code, int detail) {
        error = code;
        errorDetail = detail;
        return code;
    }
}
