package org.skvmoip.sim.usb;

import java.util.HexFormat;

/** Bytes as {@code [05 01 09 06]}, for messages and golden tables. */
public final class HexBytes {

    private static final HexFormat FORMAT = HexFormat.ofDelimiter(" ").withUpperCase();

    private HexBytes() {
    }

    public static String of(byte[] bytes) {
        return "[" + FORMAT.formatHex(bytes) + "]";
    }

    /** Parses {@code "05 01 09 06"} (spaces optional). */
    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
