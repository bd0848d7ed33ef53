package org.skvmoip.firmware.hid;

import java.util.HexFormat;

/** Golden bytes written as {@code "02 00 04 00 00 00 00 00"}. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String of(byte[] bytes, int off, int len) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, off, off + len);
    }
}
