package org.skvmoip.sim.machine;

import java.awt.image.BufferedImage;

/**
 * Reads the text grid back from a picture of the target's screen: a snapshot, or a frame that
 * went through JPEG or H.264 and back. Each cell's 5 x 8 font pixels are sampled at the centre
 * of their 2 x 2 block and thresholded; the cell reads as the glyph with the fewest differing
 * pixels, so a few pixels changed by lossy coding do not change the character.
 */
public final class ScreenTextReader {

    /** Luma above this is a lit pixel: text is 0xC0 grey or white, the background black. */
    public static final int LIT_THRESHOLD = 0x60;
    /** More differing pixels than this (of 40) and the cell reads as '?'. */
    public static final int MAX_DIFFERENCE = 6;

    private ScreenTextReader() {
    }

    /** Every row, trailing spaces removed. */
    public static String[] readRows(BufferedImage screen) {
        String[] rows = new String[ScreenLayout.ROWS];
        for (int row = 0; row < ScreenLayout.ROWS; row++) {
            rows[row] = readRow(screen, row);
        }
        return rows;
    }

    /** All rows joined by '\n', as {@link Console#text()} gives them. */
    public static String readText(BufferedImage screen) {
        StringBuilder text = new StringBuilder();
        for (String row : readRows(screen)) {
            text.append(row).append('\n');
        }
        return text.toString();
    }

    public static String readRow(BufferedImage screen, int row) {
        StringBuilder line = new StringBuilder(ScreenLayout.COLUMNS);
        for (int column = 0; column < ScreenLayout.COLUMNS; column++) {
            line.append(readCell(screen, row, column));
        }
        return line.toString().stripTrailing();
    }

    public static char readCell(BufferedImage screen, int row, int column) {
        long seen = sampleCell(screen, row, column);
        char best = '?';
        int bestDifference = MAX_DIFFERENCE + 1;
        for (char c = Font5x8.FIRST; c <= Font5x8.LAST; c++) {
            int difference = Long.bitCount(seen ^ Font5x8.bits(c));
            if (difference < bestDifference) {
                best = c;
                bestDifference = difference;
            }
        }
        return best;
    }

    private static long sampleCell(BufferedImage screen, int row, int column) {
        int left = ScreenLayout.cellX(column) + ScreenLayout.GLYPH_X;
        int top = ScreenLayout.cellY(row) + ScreenLayout.GLYPH_Y;
        long bits = 0;
        for (int y = 0; y < Font5x8.HEIGHT; y++) {
            for (int x = 0; x < Font5x8.WIDTH; x++) {
                int rgb = screen.getRGB(left + x * ScreenLayout.SCALE + ScreenLayout.SCALE / 2,
                        top + y * ScreenLayout.SCALE + ScreenLayout.SCALE / 2);
                if (luma(rgb) > LIT_THRESHOLD) {
                    bits |= 1L << (y * Font5x8.WIDTH + x);
                }
            }
        }
        return bits;
    }

    private static int luma(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return (299 * r + 587 * g + 114 * b) / 1000;
    }
}
