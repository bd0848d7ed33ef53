package org.skvmoip.server.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nayuki.qrcodegen.QrCode;

class TerminalQrCodeTest {

    /** Reads the drawing back: the module above and below in each character cell. */
    private static boolean[][] modules(String drawing, int span) {
        String[] lines = drawing.replace("\u001b[30;47m", "").replace("\u001b[0m", "").split("\n");
        boolean[][] dark = new boolean[span + 1][span];
        for (int line = 0; line < lines.length; line++) {
            for (int column = 0; column < span; column++) {
                char cell = lines[line].charAt(column);
                dark[2 * line][column] = cell == '█' || cell == '▀';
                dark[2 * line + 1][column] = cell == '█' || cell == '▄';
            }
        }
        return dark;
    }

    @Test
    void everyModuleIsDrawnWhereItIs_insideAFourModuleQuietZone() {
        QrCode code = QrCode.encodeText("otpauth://totp/SKVMOIP:alice?secret=ABC", QrCode.Ecc.MEDIUM);
        int span = code.size + 2 * TerminalQrCode.QUIET_ZONE;

        boolean[][] drawn = modules(TerminalQrCode.draw(code), span);

        for (int row = 0; row < span; row++) {
            for (int column = 0; column < span; column++) {
                boolean expected = code.getModule(column - TerminalQrCode.QUIET_ZONE, row - TerminalQrCode.QUIET_ZONE);
                assertThat(drawn[row][column]).as("row %d column %d", row, column).isEqualTo(expected);
            }
        }
    }

    @Test
    void eachLineIsSetBlackOnWhiteAndResetAtItsEnd() {
        String drawing = TerminalQrCode.draw("x");

        assertThat(drawing.lines()).allSatisfy(line -> assertThat(line).startsWith("\u001b[30;47m").endsWith("\u001b[0m"));
    }
}
