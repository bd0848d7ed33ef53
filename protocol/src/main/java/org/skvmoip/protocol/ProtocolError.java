package org.skvmoip.protocol;

/**
 * Why a frame or a session was refused (docs/protocol.md §5). Codes are negative ints so they
 * share a return value with counts and results; on the wire an ERROR frame carries
 * {@code -code} as an unsigned byte. Each error ends the session.
 */
public final class ProtocolError {

    /** The version byte is not {@link Protocol#VERSION}; detail: the byte received. */
    public static final int BAD_VERSION = -1;
    /** The type byte names no message this side may receive; detail: the type byte. */
    public static final int UNKNOWN_TYPE = -2;
    /** The length field exceeds {@link Protocol#MAX_PAYLOAD}; detail: the length field. */
    public static final int OVERSIZED_LENGTH = -3;
    /** The length field is below what the type needs; detail: the length field. */
    public static final int TOO_SHORT_FOR_TYPE = -4;
    /** The length field is above what the type allows; detail: the length field. */
    public static final int TOO_LONG_FOR_TYPE = -5;
    /** A field holds a value its message does not allow; detail: the message type. */
    public static final int BAD_FIELD = -6;
    /** The tag does not match the frame: forged, corrupted or under another key. */
    public static final int BAD_MAC = -7;
    /** The sequence number is one already seen (replayed or reordered); detail: the number. */
    public static final int SEQUENCE_REPLAYED = -8;
    /** The sequence number skips ahead (a frame was dropped or reordered); detail: the number. */
    public static final int SEQUENCE_GAP = -9;
    /** 2^32 frames were sent one way; the server must open a new session. */
    public static final int SEQUENCE_EXHAUSTED = -10;
    /** A session message arrived before the handshake finished; detail: its type. */
    public static final int NOT_AUTHENTICATED = -11;
    /** A handshake message arrived where the handshake does not expect it; detail: its type. */
    public static final int UNEXPECTED_MESSAGE = -12;
    /** The peer's handshake proof is wrong: the two sides hold different secrets. */
    public static final int AUTH_FAILED = -13;
    /** AUTH reached a module that has no secret yet; the server must ADOPT it first. */
    public static final int NOT_ADOPTED = -14;
    /** ADOPT reached a module that has a secret; changing it needs SET_SECRET or a factory reset. */
    public static final int ALREADY_ADOPTED = -15;
    /** Nothing was received for {@link Protocol#KEEPALIVE_TIMEOUT_MILLIS}. */
    public static final int KEEPALIVE_TIMEOUT = -16;
    /** The handshake did not finish within {@link Protocol#HANDSHAKE_TIMEOUT_MILLIS}. */
    public static final int HANDSHAKE_TIMEOUT = -17;
    /** The session has ended; open a new connection. */
    public static final int SESSION_CLOSED = -18;
    /** The frame does not fit the output buffer; send what is queued first. */
    public static final int OUTPUT_FULL = -19;
    /** The peer sent ERROR and ends the session; detail: the peer's code. */
    public static final int PEER_ERROR = -20;
    /** HELLO came from a module other than the one the server expected. */
    public static final int WRONG_MODULE = -21;
    /** A discovery datagram does not start with the magic "SKVD". */
    public static final int BAD_MAGIC = -22;

    /** The most negative code; every code is in {@code [LOWEST, -1]}. */
    public static final int LOWEST = BAD_MAGIC;

    private static final String[] DESCRIPTIONS = {
        "bad version: the frame's version byte is not 1; the peer speaks another protocol version",
        "unknown type: the frame's type byte is not a message this side may receive",
        "oversized length: the length field exceeds the maximum payload of 64 bytes; refused before reading it",
        "message too short for its type: the length field is below what the message type needs",
        "message too long for its type: the length field is above what the message type allows",
        "bad field: a field holds a value the message does not allow",
        "bad MAC: the frame's tag does not match; it was forged, corrupted or sent under another key",
        "replayed sequence number: a frame with this number was already accepted (replayed or reordered)",
        "sequence gap: the sequence number skips ahead; a frame was dropped or reordered",
        "sequence numbers exhausted: 2^32 frames were sent; open a new session",
        "not authenticated yet: a session message arrived before the handshake finished",
        "unexpected message: a handshake message arrived out of order",
        "authentication failed: the peer's proof is wrong; the two sides hold different secrets",
        "not adopted: the module has no secret yet; adopt it first",
        "already adopted: the module has a secret; change it in a session or factory-reset the module",
        "keep-alive timeout: nothing received for 3 s",
        "handshake timeout: the handshake did not finish within 3 s",
        "session closed: open a new connection",
        "output full: the frame does not fit the output buffer; send what is queued first",
        "the peer reported an error and ends the session",
        "wrong module: HELLO came from a module other than the one expected",
        "bad magic: the datagram does not start with \"SKVD\"",
    };

    private ProtocolError() {
    }

    /** Whether {@code code} is one of the codes above. */
    public static boolean isDefined(int code) {
        return code <= -1 && code >= LOWEST;
    }

    /** A sentence for a person reading a log; never null. */
    public static String describe(int code) {
        if (!isDefined(code)) {
            return "not a protocol error code";
        }
        return DESCRIPTIONS[-code - 1];
    }

    /** The byte an ERROR frame carries for {@code code}. */
    public static int toWire(int code) {
        return -code;
    }

    /** The code an ERROR frame's byte stands for; an unknown byte stays negative but undefined. */
    public static int fromWire(int wireByte) {
        return -(wireByte & 0xFF);
    }
}
