package org.skvmoip.server.auth.totp;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn with text for a terminal: each character cell holds two modules, one above
 * the other, with the half blocks '▀' and '▄' and the full block '█'. Colours are set
 * explicitly (black on white, ANSI SGR 30;47), because a phone reads dark modules on a light
 * ground and terminals come dark or light. Four light modules of quiet zone surround it, as
 * readers expect (ISO/IEC 18004).
 */
public final class TerminalQrCode {

    static final int QUIET_ZONE = 4;
    private static final String COLOURS = "\u001b[30;47m";
    private static final String RESET = "\u001b[0m";

    private TerminalQrCode() {
    }

    /** The text's QR code (error correction M), one terminal line per two module rows. */
    public static String draw(String text) {
        return draw(QrCode.encodeText(text, QrCode.Ecc.MEDIUM));
    }

    static String draw(QrCode code) {
        int span = code.size + 2 * QUIET_ZONE;
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < span; row += 2) {
            out.append(COLOURS);
            for (int column = 0; column < span; column++) {
                boolean top = dark(code, column, row);
                boolean bottom = dark(code, column, row + 1);
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            out.append(RESET).append('\n');
        }
        return out.toString();
    }

    /** Whether the module at these coordinates, quiet zone included, is dark. */
    private static boolean dark(QrCode code, int column, int row) {
        // getModule answers false (light) outside the symbol, which is the quiet zone.
        return code.getModule(column - QUIET_ZONE, row - QUIET_ZONE);
    }
}
