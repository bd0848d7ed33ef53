package org.skvmoip.sim.machine;

import java.util.function.IntBinaryOperator;

/**
 * An optional time stamp drawn on the virtual target's screen each time it is rendered, for
 * measuring end-to-end video latency with one clock: the low 32 bits of the wall-clock
 * millisecond (the same clock as the server's capture stamps) as a row of black and white
 * 16 x 16 blocks, most significant bit first, with the complement of each bit in the row below.
 * The blocks sit in the margin above the text grid, aligned to 16-pixel macroblocks so that
 * lossy video (JPEG, H.264) keeps them readable; the complement row lets a reader reject a
 * picture in which a block came out grey.
 */
public final class ScreenClock {

    public static final int BITS = 32;
    public static final int BLOCK = 16;
    /** Top-left corner of the stamp; the text grid starts at {@link ScreenLayout#ORIGIN_Y}, below. */
    public static final int X = 32;
    public static final int Y = 16;

    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;
    /** A block's centre is lit above this level (of 255) in each of R, G and B, dark below the other. */
    private static final int LIT = 0xA0;
    private static final int DARK = 0x60;

    private ScreenClock() {
    }

    /** Draws the low 32 bits of {@code millis} into {@code rgb}, a {@link ScreenLayout} screen. */
    public static void draw(int[] rgb, long millis) {
        for (int bit = 0; bit < BITS; bit++) {
            boolean one = ((millis >>> (BITS - 1 - bit)) & 1) != 0;
            fill(rgb, X + bit * BLOCK, Y, one ? WHITE : BLACK);
            fill(rgb, X + bit * BLOCK, Y + BLOCK, one ? BLACK : WHITE);
        }
    }

    /**
     * Reads a stamp back from a picture of the screen ({@code rgbAt} gives the RGB at x, y) and
     * places it on the millisecond clock next to {@code nowMillis} (a stamp from up to about 24
     * days before or after it).
     *
     * @return the stamp as wall-clock milliseconds, or -1 when the picture holds no readable stamp
     */
    public static long read(IntBinaryOperator rgbAt, long nowMillis) {
        long low = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int top = level(rgbAt.applyAsInt(X + bit * BLOCK + BLOCK / 2, Y + BLOCK / 2));
            int bottom = level(rgbAt.applyAsInt(X + bit * BLOCK + BLOCK / 2, Y + BLOCK + BLOCK / 2));
            if (top == 0 || bottom == 0 || top == bottom) {
                return -1;
            }
            low = (low << 1) | (top > 0 ? 1 : 0);
        }
        int behind = (int) (nowMillis - low);
        return nowMillis - behind;
    }

    /** 1 lit, -1 dark, 0 neither (a damaged or absent block). */
    private static int level(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r > LIT && g > LIT && b > LIT) {
            return 1;
        }
        return r < DARK && g < DARK && b < DARK ? -1 : 0;
    }

    private static void fill(int[] rgb, int left, int top, int colour) {
        for (int y = top; y < top + BLOCK; y++) {
            java.util.Arrays.fill(rgb, y * ScreenLayout.WIDTH + left, y * ScreenLayout.WIDTH + left + BLOCK, colour);
        }
    }
}
