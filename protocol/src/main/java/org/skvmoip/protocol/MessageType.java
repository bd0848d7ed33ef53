package org.skvmoip.protocol;

/**
 * The message types, who sends each and how long its payload may be (docs/protocol.md §4). Types
 * below 0x10 are the handshake, sent before authentication in plain frames; all others travel
 * only in authenticated frames.
 */
public final class MessageType {

    // Handshake (plain frames)
    /** Module → server, first frame of every connection. */
    public static final int HELLO = 0x01;
    /** Server → module: the server's nonce and proof. */
    public static final int AUTH = 0x02;
    /** Module → server: the module's proof; both sides are authenticated after it. */
    public static final int AUTH_OK = 0x03;
    /** Server → module: the first secret, to a module that has none. */
    public static final int ADOPT = 0x04;

    // Session, server → module
    public static final int KEYBOARD = 0x10;
    public static final int MOUSE_RELATIVE = 0x11;
    public static final int MOUSE_ABSOLUTE = 0x12;
    public static final int POWER = 0x13;
    public static final int RELEASE_ALL = 0x14;
    public static final int STATUS_REQUEST = 0x15;
    public static final int SET_SECRET = 0x16;

    // Session, both ways
    public static final int KEEPALIVE = 0x20;
    /** Either side: why it ends the session; plain before authentication, authenticated after. */
    public static final int ERROR = 0x21;

    // Session, module → server
    public static final int STATUS = 0x40;
    /** Module → server: the secret from SET_SECRET is stored; the next handshake uses it. */
    public static final int SECRET_CHANGED = 0x41;

    private static final int SERVER = 1;
    private static final int MODULE = 2;
    private static final int BOTH = SERVER | MODULE;

    private MessageType() {
    }

    /** Whether {@code sender} may send frames of {@code type}. */
    public static boolean isSentBy(int sender, int type) {
        return (senders(type) & (sender == Side.SERVER ? SERVER : MODULE)) != 0;
    }

    /** Whether the type belongs to the handshake (plain frames, before authentication). */
    public static boolean isHandshake(int type) {
        return type >= HELLO && type <= ADOPT;
    }

    /** The shortest payload the type allows; -1 for an unknown type. */
    public static int minPayload(int type) {
        switch (type) {
            case KEYBOARD:
                return Keyboard.USAGES;
            case ERROR:
                return ErrorPayload.LENGTH;
            default:
                return fixedLength(type);
        }
    }

    /** The longest payload the type allows; -1 for an unknown type. */
    public static int maxPayload(int type) {
        switch (type) {
            case KEYBOARD:
                return Keyboard.USAGES + Keyboard.MAX_USAGES;
            case ERROR:
                return ErrorPayload.LENGTH;
            default:
                return fixedLength(type);
        }
    }

    /** A short upper-case name for logs; "UNKNOWN" for an undefined type. */
    public static String name(int type) {
        switch (type) {
            case HELLO: return "HELLO";
            case AUTH: return "AUTH";
            case AUTH_OK: return "AUTH_OK";
            case ADOPT: return "ADOPT";
            case KEYBOARD: return "KEYBOARD";
            case MOUSE_RELATIVE: return "MOUSE_RELATIVE";
            case MOUSE_ABSOLUTE: return "MOUSE_ABSOLUTE";
            case POWER: return "POWER";
            case RELEASE_ALL: return "RELEASE_ALL";
            case STATUS_REQUEST: return "STATUS_REQUEST";
            case SET_SECRET: return "SET_SECRET";
            case KEEPALIVE: return "KEEPALIVE";
            case ERROR: return "ERROR";
            case STATUS: return "STATUS";
            case SECRET_CHANGED: return "SECRET_CHANGED";
            default: return "UNKNOWN";
        }
    }

    /**
     * Checks the payload's fields beyond its length (docs/protocol.md §4): 0 when the message is
     * well formed, else {@link ProtocolError#BAD_FIELD} or {@link ProtocolError#TOO_SHORT_FOR_TYPE}.
     * The length is already within {@link #minPayload}..{@link #maxPayload}.
     */
    public static int validate(int type, byte[] buf, int payloadOff, int payloadLen) {
        switch (type) {
            case KEYBOARD:
                return Keyboard.validate(buf, payloadOff, payloadLen);
            case MOUSE_ABSOLUTE:
                return MouseAbsolute.validate(buf, payloadOff);
            case POWER:
                return Power.validate(buf, payloadOff);
            case ERROR:
                return ErrorPayload.validate(buf, payloadOff);
            case HELLO:
                return Hello.validate(buf, payloadOff);
            case STATUS:
                return Status.validate(buf, payloadOff);
            case ADOPT:
                return Adopt.validate(buf, payloadOff);
            case SET_SECRET:
                // An all-zero secret is what an unset variable holds, never a chosen secret.
                return Bytes.isAllZero(buf, payloadOff, Protocol.SECRET_LENGTH) ? ProtocolError.BAD_FIELD : 0;
            default:
                return 0;
        }
    }

    private static int senders(int type) {
        switch (type) {
            case HELLO:
            case AUTH_OK:
            case STATUS:
            case SECRET_CHANGED:
                return MODULE;
            case AUTH:
            case ADOPT:
            case KEYBOARD:
            case MOUSE_RELATIVE:
            case MOUSE_ABSOLUTE:
            case POWER:
            case RELEASE_ALL:
            case STATUS_REQUEST:
            case SET_SECRET:
                return SERVER;
            case KEEPALIVE:
            case ERROR:
                return BOTH;
            default:
                return 0;
        }
    }

    private static int fixedLength(int type) {
        switch (type) {
            case HELLO: return Hello.LENGTH;
            case AUTH: return Auth.LENGTH;
            case AUTH_OK: return Protocol.PROOF_LENGTH;
            case ADOPT: return Adopt.LENGTH;
            case MOUSE_RELATIVE: return MouseRelative.LENGTH;
            case MOUSE_ABSOLUTE: return MouseAbsolute.LENGTH;
            case POWER: return Power.LENGTH;
            case RELEASE_ALL: return 0;
            case STATUS_REQUEST: return 0;
            case SET_SECRET: return Protocol.SECRET_LENGTH;
            case KEEPALIVE: return 0;
            case STATUS: return Status.LENGTH;
            case SECRET_CHANGED: return 0;
            default: return -1;
        }
    }
}
