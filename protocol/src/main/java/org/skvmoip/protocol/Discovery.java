package org.skvmoip.protocol;

/**
 * Discovery datagrams on UDP port {@link Protocol#DISCOVERY_UDP_PORT} (docs/protocol.md §8). The
 * server broadcasts DISCOVER; every module answers with ANNOUNCE, unicast to the sender. A
 * DISCOVER is padded to {@link #DISCOVER_LENGTH} bytes so an answer is never larger than the
 * question: a forged source address cannot turn modules into an amplifier.
 *
 * <pre>
 * DISCOVER (32 bytes)             ANNOUNCE (27 bytes)
 * 0..3   magic "SKVD"             0..3    magic "SKVD"
 * 4      version 1                4       version 1
 * 5      type 0x01                5       type 0x02
 * 6..9   request id               6..9    request id, copied from DISCOVER
 * 10..31 zero                     10..21  module id
 *                                 22..23  firmware version
 *                                 24      flags: bit0 ADOPTED
 *                                 25..26  control TCP port
 * </pre>
 */
public final class Discovery {

    public static final int TYPE_DISCOVER = 0x01;
    public static final int TYPE_ANNOUNCE = 0x02;

    public static final int MAGIC = 0;
    public static final int VERSION = 4;
    public static final int TYPE = 5;
    public static final int REQUEST_ID = 6;
    public static final int DISCOVER_LENGTH = 32;

    public static final int MODULE_ID = 10;
    public static final int FIRMWARE_VERSION = 22;
    public static final int FLAGS = 24;
    public static final int CONTROL_PORT = 25;
    public static final int ANNOUNCE_LENGTH = 27;

    public static final int FLAG_ADOPTED = 0x01;

    private static final byte[] MAGIC_BYTES = {'S', 'K', 'V', 'D'};

    private Discovery() {
    }

    /** Writes a DISCOVER; returns its length, or {@link ProtocolError#OUTPUT_FULL}. */
    public static int writeDiscover(byte[] dst, int off, int requestId) {
        if (dst.length - off < DISCOVER_LENGTH) {
            return ProtocolError.OUTPUT_FULL;
        }
        writeHeader(dst, off, TYPE_DISCOVER, requestId);
        java.util.Arrays.fill(dst, off + MODULE_ID, off + DISCOVER_LENGTH, (byte) 0);
        return DISCOVER_LENGTH;
    }

    /** Checks a received DISCOVER; 0 when it is one, else the error (a module ignores bad ones silently). */
    public static int checkDiscover(byte[] b, int off, int len) {
        return check(b, off, len, TYPE_DISCOVER, DISCOVER_LENGTH);
    }

    /** Writes an ANNOUNCE; returns its length, or {@link ProtocolError#OUTPUT_FULL}. */
    public static int writeAnnounce(byte[] dst, int off, int requestId, byte[] moduleId, int moduleIdOff,
            int firmwareVersion, boolean adopted, int controlPort) {
        if (dst.length - off < ANNOUNCE_LENGTH) {
            return ProtocolError.OUTPUT_FULL;
        }
        writeHeader(dst, off, TYPE_ANNOUNCE, requestId);
        System.arraycopy(moduleId, moduleIdOff, dst, off + MODULE_ID, Protocol.MODULE_ID_LENGTH);
        Bytes.put16(dst, off + FIRMWARE_VERSION, firmwareVersion);
        dst[off + FLAGS] = (byte) (adopted ? FLAG_ADOPTED : 0);
        Bytes.put16(dst, off + CONTROL_PORT, controlPort);
        return ANNOUNCE_LENGTH;
    }

    /** Checks a received ANNOUNCE; 0 when it is one, else the error. */
    public static int checkAnnounce(byte[] b, int off, int len) {
        return check(b, off, len, TYPE_ANNOUNCE, ANNOUNCE_LENGTH);
    }

    public static int requestId(byte[] b, int off) {
        return Bytes.s32(b, off + REQUEST_ID);
    }

    public static int firmwareVersion(byte[] b, int off) {
        return Bytes.u16(b, off + FIRMWARE_VERSION);
    }

    public static boolean isAdopted(byte[] b, int off) {
        return (b[off + FLAGS] & FLAG_ADOPTED) != 0;
    }

    public static int controlPort(byte[] b, int off) {
        return Bytes.u16(b, off + CONTROL_PORT);
    }

    private static void writeHeader(byte[] dst, int off, int type, int requestId) {
        System.arraycopy(MAGIC_BYTES, 0, dst, off + MAGIC, MAGIC_BYTES.length);
        dst[off + VERSION] = (byte) Protocol.VERSION;
        dst[off + TYPE] = (byte) type;
        Bytes.put32(dst, off + REQUEST_ID, requestId);
    }

    private static int check(byte[] b, int off, int len, int type, int length) {
        if (len < REQUEST_ID + 4) {
            return ProtocolError.TOO_SHORT_FOR_TYPE;
        }
        if (!Bytes.constantTimeEquals(b, off + MAGIC, MAGIC_BYTES, 0, MAGIC_BYTES.length)) {
            return ProtocolError.BAD_MAGIC;
        }
        if ((b[off + VERSION] & 0xFF) != Protocol.VERSION) {
            return ProtocolError.BAD_VERSION;
        }
        if ((b[off + TYPE] & 0xFF) != type) {
            return ProtocolError.UNKNOWN_TYPE;
        }
        if (len < length) {
            return ProtocolError.TOO_SHORT_FOR_TYPE;
        }
        return len > length ? ProtocolError.TOO_LONG_FOR_TYPE : 0;
    }
}
