package org.skvmoip.firmware.config;

import org.skvmoip.protocol.Bytes;

/**
 * The byte layout of one config slot (format version 1), all multi-byte fields big-endian:
 *
 * <pre>
 *  offset  size  field
 *   0       4    magic "SKVC"
 *   4       2    format version (1)
 *   6       2    body length (81 in version 1)
 *   8       4    sequence number: the slot with the newer one is current
 *  12      81    body:
 *     +0    1      IP mode (0 static, 1 DHCP)
 *     +1    1      flags (bit 0: adopted, bit 1: echo diagnostic on)
 *     +2    4      static IP    +6  4 subnet   +10  4 gateway
 *    +14    2      control port (0: protocol default)
 *    +16    1      name length (0-32)
 *    +17   32      name, printable ASCII, zero padded
 *    +49   32      module secret
 *  93       4    CRC-32 (IEEE 802.3) of bytes 0-92
 * </pre>
 *
 * A later version may only grow the body; {@link #decode} refuses versions it does not know
 * rather than guess, so the module starts from defaults instead of misreading a secret.
 */
public final class ConfigPage {

    public static final int MAGIC = 0x534B5643; // "SKVC"
    public static final int FORMAT_VERSION = 1;

    static final int HEADER_BYTES = 12;
    static final int BODY_BYTES_V1 = 81;
    static final int CRC_BYTES = 4;
    /** Bytes one page occupies in its slot. */
    public static final int PAGE_BYTES = HEADER_BYTES + BODY_BYTES_V1 + CRC_BYTES;

    static final int OFF_MAGIC = 0;
    static final int OFF_VERSION = 4;
    static final int OFF_LENGTH = 6;
    static final int OFF_SEQUENCE = 8;
    static final int OFF_IP_MODE = 12;
    static final int OFF_FLAGS = 13;
    static final int OFF_IP = 14;
    static final int OFF_SUBNET = 18;
    static final int OFF_GATEWAY = 22;
    static final int OFF_CONTROL_PORT = 26;
    static final int OFF_NAME_LENGTH = 28;
    static final int OFF_NAME = 29;
    static final int OFF_SECRET = 61;
    static final int OFF_CRC = HEADER_BYTES + BODY_BYTES_V1;

    private static final int FLAG_ADOPTED = 1;
    /** A new bit in a byte that version 1 always wrote as 0: older pages read as "off". */
    private static final int FLAG_ECHO_DIAGNOSTIC = 2;

    /** {@link #decode} results: why a page was not used. */
    public static final int OK = 0;
    /** Every byte read is 0xFF: an erased slot, never written (or erased and then power cut). */
    public static final int BLANK = 1;
    public static final int BAD_MAGIC = 2;
    public static final int UNSUPPORTED_VERSION = 3;
    public static final int BAD_LENGTH = 4;
    public static final int BAD_CRC = 5;
    /** The CRC matched but a field holds a value no writer produces (IP mode, name). */
    public static final int BAD_FIELD = 6;

    private ConfigPage() {
    }

    public static String describe(int status) {
        switch (status) {
            case OK:
                return "ok";
            case BLANK:
                return "blank (erased, never written)";
            case BAD_MAGIC:
                return "not a config page (bad magic)";
            case UNSUPPORTED_VERSION:
                return "written by a firmware with an unknown format version";
            case BAD_LENGTH:
                return "body length does not match the format version";
            case BAD_CRC:
                return "checksum mismatch (torn or corrupted write)";
            case BAD_FIELD:
                return "a field holds an impossible value";
            default:
                return "unknown status";
        }
    }

    /** Writes {@link #PAGE_BYTES} bytes of {@code settings} with {@code sequence} into {@code page}. */
    public static void encode(ModuleSettings settings, int sequence, byte[] page) {
        Bytes.put32(page, OFF_MAGIC, MAGIC);
        Bytes.put16(page, OFF_VERSION, FORMAT_VERSION);
        Bytes.put16(page, OFF_LENGTH, BODY_BYTES_V1);
        Bytes.put32(page, OFF_SEQUENCE, sequence);
        page[OFF_IP_MODE] = (byte) settings.ipMode;
        page[OFF_FLAGS] = (byte) ((settings.adopted ? FLAG_ADOPTED : 0)
                | (settings.echoDiagnostic ? FLAG_ECHO_DIAGNOSTIC : 0));
        System.arraycopy(settings.staticIp, 0, page, OFF_IP, 4);
        System.arraycopy(settings.staticSubnet, 0, page, OFF_SUBNET, 4);
        System.arraycopy(settings.staticGateway, 0, page, OFF_GATEWAY, 4);
        Bytes.put16(page, OFF_CONTROL_PORT, settings.controlPort);
        page[OFF_NAME_LENGTH] = (byte) settings.nameLength;
        System.arraycopy(settings.name, 0, page, OFF_NAME, ModuleSettings.NAME_MAX_BYTES);
        System.arraycopy(settings.secret, 0, page, OFF_SECRET, ModuleSettings.SECRET_BYTES);
        Bytes.put32(page, OFF_CRC, Crc32.compute(page, 0, OFF_CRC));
    }

    /**
     * Checks {@code page} ({@link #PAGE_BYTES} bytes) and, only when it is whole and valid,
     * fills {@code settings} from it; otherwise {@code settings} is untouched.
     *
     * @return {@link #OK} or the reason it was refused
     */
    public static int decode(byte[] page, ModuleSettings settings) {
        int status = check(page);
        if (status != OK) {
            return status;
        }
        settings.ipMode = page[OFF_IP_MODE];
        settings.adopted = (page[OFF_FLAGS] & FLAG_ADOPTED) != 0;
        settings.echoDiagnostic = (page[OFF_FLAGS] & FLAG_ECHO_DIAGNOSTIC) != 0;
        System.arraycopy(page, OFF_IP, settings.staticIp, 0, 4);
        System.arraycopy(page, OFF_SUBNET, settings.staticSubnet, 0, 4);
        System.arraycopy(page, OFF_GATEWAY, settings.staticGateway, 0, 4);
        settings.controlPort = Bytes.u16(page, OFF_CONTROL_PORT);
        settings.nameLength = page[OFF_NAME_LENGTH];
        System.arraycopy(page, OFF_NAME, settings.name, 0, ModuleSettings.NAME_MAX_BYTES);
        System.arraycopy(page, OFF_SECRET, settings.secret, 0, ModuleSettings.SECRET_BYTES);
        return OK;
    }

    /** The sequence number of a page that {@link #decode} accepts. */
    public static int sequence(byte[] page) {
        return Bytes.s32(page, OFF_SEQUENCE);
    }

    private static int check(byte[] page) {
        if (blank(page)) {
            return BLANK;
        }
        if (Bytes.s32(page, OFF_MAGIC) != MAGIC) {
            return BAD_MAGIC;
        }
        if (Bytes.u16(page, OFF_VERSION) != FORMAT_VERSION) {
            return UNSUPPORTED_VERSION;
        }
        if (Bytes.u16(page, OFF_LENGTH) != BODY_BYTES_V1) {
            return BAD_LENGTH;
        }
        if (Bytes.s32(page, OFF_CRC) != Crc32.compute(page, 0, OFF_CRC)) {
            return BAD_CRC;
        }
        int mode = page[OFF_IP_MODE];
        int nameLength = page[OFF_NAME_LENGTH];
        if (mode != ModuleSettings.IP_MODE_STATIC && mode != ModuleSettings.IP_MODE_DHCP
                || nameLength < 0 || nameLength > ModuleSettings.NAME_MAX_BYTES
                || !ModuleSettings.printable(page, OFF_NAME, nameLength)) {
            return BAD_FIELD;
        }
        return OK;
    }

    private static boolean blank(byte[] page) {
        for (int i = 0; i < PAGE_BYTES; i++) {
            if (page[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

}
