package org.skvmoip.server.module;

import java.util.HexFormat;

/** How a module's 96-bit unique id is written for people: 24 upper-case hex digits, as on its label. */
final class ModuleIds {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ModuleIds() {
    }

    static String hex(byte[] id, int off, int len) {
        return HEX.formatHex(id, off, off + len);
    }
}
