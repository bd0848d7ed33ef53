package org.skvmoip.protocol;

/**
 * HELLO payload (docs/protocol.md §3), module → server, the first frame of every connection.
 *
 * <pre>
 * 0..11   module id         the MCU's 96-bit unique device id
 * 12..13  firmware version  uint16, major &lt;&lt; 8 | minor
 * 14      flags             bit0 ADOPTED (the module holds a secret); bits 1-7 zero
 * 15..30  nonceM            16 random bytes, new for every connection
 * </pre>
 */
public final class Hello {

    public static final int MODULE_ID = 0;
    public static final int FIRMWARE_VERSION = 12;
    public static final int FLAGS = 14;
    public static final int NONCE = 15;
    public static final int LENGTH = 31;

    public static final int FLAG_ADOPTED = 0x01;

    private Hello() {
    }

    public static int firmwareVersion(byte[] b, int p) {
        return Bytes.u16(b, p + FIRMWARE_VERSION);
    }

    public static boolean isAdopted(byte[] b, int p) {
        return (b[p + FLAGS] & FLAG_ADOPTED) != 0;
    }

    static int validate(byte[] b, int p) {
        return (Bytes.u8(b, p + FLAGS) & ~FLAG_ADOPTED) != 0 ? ProtocolError.BAD_FIELD : 0;
    }
}
