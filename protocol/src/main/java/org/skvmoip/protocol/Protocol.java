package org.skvmoip.protocol;

/**
 * The numbers of the module control protocol, version 1 (docs/protocol.md, section numbers
 * below refer to it). A frame is {@code version | type | length | payload} before
 * authentication and {@code version | type | length | sequence | payload | tag} after it.
 */
public final class Protocol {

    /** §2: the version byte every frame starts with. */
    public static final int VERSION = 1;

    /** §1: the module listens here for the server's one control connection. */
    public static final int CONTROL_TCP_PORT = 7390;
    /** §8: the module answers DISCOVER datagrams here. */
    public static final int DISCOVERY_UDP_PORT = 7391;

    /** §2: the largest payload any frame may carry; a longer length is refused unread. */
    public static final int MAX_PAYLOAD = 64;
    /** §2: version, type, 16-bit length. */
    public static final int HEADER_LENGTH = 4;
    /** §2: the 32-bit sequence number of an authenticated frame. */
    public static final int SEQUENCE_LENGTH = 4;
    /** §2: the truncated HMAC-SHA256 tag ending an authenticated frame. */
    public static final int TAG_LENGTH = 16;
    /** The longest frame on the wire: authenticated, with a full payload. */
    public static final int MAX_FRAME = HEADER_LENGTH + SEQUENCE_LENGTH + MAX_PAYLOAD + TAG_LENGTH;

    /** §3: the module identifier, the MCU's 96-bit unique device id. */
    public static final int MODULE_ID_LENGTH = 12;
    /** §3: the per-module secret set at adoption. */
    public static final int SECRET_LENGTH = 32;
    /** §8: the seed material the server sends in ADOPT for the module's random generator. */
    public static final int SEED_MATERIAL_LENGTH = 32;
    /** §3: each side's handshake nonce. */
    public static final int NONCE_LENGTH = 16;
    /** §3: a handshake proof, a full HMAC-SHA256. */
    public static final int PROOF_LENGTH = 32;
    /** §3: the session key, a full HMAC-SHA256. */
    public static final int SESSION_KEY_LENGTH = 32;

    /** §6: a side that has sent nothing for this long sends KEEPALIVE. */
    public static final int KEEPALIVE_INTERVAL_MILLIS = 1000;
    /** §6: a side that has received nothing for this long ends the session. */
    public static final int KEEPALIVE_TIMEOUT_MILLIS = 3000;
    /** §3: the handshake must be finished this long after the connection opened. */
    public static final int HANDSHAKE_TIMEOUT_MILLIS = 3000;
    /** §7: after a session ends, the module has released every key and button within this time. */
    public static final int RELEASE_BOUND_MILLIS = 50;

    /** §2: the direction byte MACed ahead of a frame the server sent. */
    public static final int DIRECTION_SERVER_TO_MODULE = 0x53; // 'S'
    /** §2: the direction byte MACed ahead of a frame the module sent. */
    public static final int DIRECTION_MODULE_TO_SERVER = 0x4D; // 'M'

    private Protocol() {
    }
}
