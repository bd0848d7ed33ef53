package org.skvmoip.protocol;

/**
 * ERROR payload (docs/protocol.md §4.6): why the sender ends the session.
 *
 * <pre>
 * 0      code    -ProtocolError code, 1..255
 * 1..4   detail  int32, what the code's description names (a length, a type, a sequence number)
 * </pre>
 */
public final class ErrorPayload {

    public static final int CODE = 0;
    public static final int DETAIL = 1;
    public static final int LENGTH = 5;

    private ErrorPayload() {
    }

    /** The sender's {@link ProtocolError} code (negative). */
    public static int code(byte[] b, int p) {
        return ProtocolError.fromWire(b[p + CODE]);
    }

    public static int detail(byte[] b, int p) {
        return Bytes.s32(b, p + DETAIL);
    }

    /** Writes the payload for a {@link ProtocolError} code; returns {@link #LENGTH}. */
    public static int write(byte[] dst, int p, int code, int detail) {
        dst[p + CODE] = (byte) ProtocolError.toWire(code);
        Bytes.put32(dst, p + DETAIL, detail);
        return LENGTH;
    }

    static int validate(byte[] b, int p) {
        return Bytes.u8(b, p + CODE) == 0 ? ProtocolError.BAD_FIELD : 0;
    }
}
