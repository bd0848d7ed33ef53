package org.skvmoip.sim.machine;

import java.util.Arrays;

/**
 * Draws the target's screen into an RGB framebuffer ({@link ScreenLayout#WIDTH} x
 * {@link ScreenLayout#HEIGHT}, one {@code 0xRRGGBB} int per pixel, row by row): black with no
 * signal while off, the BIOS screen while booting, the console with its cursor and the mouse
 * pointer while running, a message while shutting down.
 */
final class ScreenRenderer {

    static final String BIOS_VENDOR = "SKVMoIP Virtual BIOS v1.0";
    static final String BIOS_COPYRIGHT = "(C) SKVMoIP virtual target machine";
    static final String BIOS_CPU = "CPU: Virtual x86-64 @ 3.00 GHz";
    static final int MEMORY_MB = 16384;
    /** The memory count runs up over this part of the boot. */
    static final int MEMORY_TEST_MILLIS = 1000;
    static final int MEMORY_STEPS = 16;
    static final String BIOS_SETUP_HINT = "Press DEL to enter setup";
    static final String SHUTDOWN_MESSAGE = "The system is shutting down...";

    /** The pointer arrow: 'X' black outline, '#' white fill, hot spot at the top-left. */
    private static final String[] ARROW = {
        "X..........",
        "XX.........",
        "X#X........",
        "X##X.......",
        "X###X......",
        "X####X.....",
        "X#####X....",
        "X######X...",
        "X#######X..",
        "X########X.",
        "X#####XXXXX",
        "X##X##X....",
        "X#X.X##X...",
        "XX..X##X...",
        "X....X##X..",
        ".....X##X..",
        "......XX...",
    };

    private final int[] pixels = new int[ScreenLayout.WIDTH * ScreenLayout.HEIGHT];

    int[] pixels() {
        return pixels;
    }

    /** The memory the BIOS has counted so far, {@code bootMillis} into the boot. */
    static int memoryCounted(long bootMillis) {
        long step = Math.min(MEMORY_STEPS, bootMillis * MEMORY_STEPS / MEMORY_TEST_MILLIS);
        return (int) (MEMORY_MB * step / MEMORY_STEPS);
    }

    void render(PowerState state, long stateMillis, Console console, Pointer pointer) {
        Arrays.fill(pixels, ScreenLayout.BACKGROUND_RGB);
        switch (state) {
            case BOOTING -> renderBios(stateMillis);
            case RUNNING -> {
                renderConsole(console);
                renderPointer(pointer.x(), pointer.y());
            }
            case SHUTTING_DOWN -> drawText(ScreenLayout.ROWS / 2,
                    (ScreenLayout.COLUMNS - SHUTDOWN_MESSAGE.length()) / 2, SHUTDOWN_MESSAGE, ScreenLayout.TEXT_RGB);
            case OFF -> {
                // No signal: black.
            }
        }
    }

    private void renderBios(long bootMillis) {
        drawText(1, 1, BIOS_VENDOR, ScreenLayout.TITLE_RGB);
        drawText(2, 1, BIOS_COPYRIGHT, ScreenLayout.TEXT_RGB);
        drawText(4, 1, BIOS_CPU, ScreenLayout.TEXT_RGB);
        int memory = memoryCounted(bootMillis);
        drawText(5, 1, "Memory Test: " + memory + " MB" + (memory == MEMORY_MB ? " OK" : ""), ScreenLayout.TEXT_RGB);
        drawText(ScreenLayout.ROWS - 2, 1, BIOS_SETUP_HINT, ScreenLayout.TEXT_RGB);
    }

    private void renderConsole(Console console) {
        for (int row = 0; row < ScreenLayout.ROWS; row++) {
            for (int column = 0; column < ScreenLayout.COLUMNS; column++) {
                drawGlyph(row, column, console.charAt(row, column), ScreenLayout.TEXT_RGB);
            }
        }
        int column = Math.min(console.cursorColumn(), ScreenLayout.COLUMNS - 1);
        fill(ScreenLayout.cellX(column) + ScreenLayout.GLYPH_X,
                ScreenLayout.cellY(console.cursorRow()) + ScreenLayout.CURSOR_Y,
                Font5x8.WIDTH * ScreenLayout.SCALE, ScreenLayout.CURSOR_HEIGHT, ScreenLayout.TEXT_RGB);
    }

    void drawText(int row, int column, String text, int rgb) {
        for (int i = 0; i < text.length() && column + i < ScreenLayout.COLUMNS; i++) {
            drawGlyph(row, column + i, text.charAt(i), rgb);
        }
    }

    private void drawGlyph(int row, int column, char c, int rgb) {
        if (c == ' ') {
            return;
        }
        int left = ScreenLayout.cellX(column) + ScreenLayout.GLYPH_X;
        int top = ScreenLayout.cellY(row) + ScreenLayout.GLYPH_Y;
        for (int y = 0; y < Font5x8.HEIGHT; y++) {
            for (int x = 0; x < Font5x8.WIDTH; x++) {
                if (Font5x8.lit(c, x, y)) {
                    fill(left + x * ScreenLayout.SCALE, top + y * ScreenLayout.SCALE,
                            ScreenLayout.SCALE, ScreenLayout.SCALE, rgb);
                }
            }
        }
    }

    private void renderPointer(int hotX, int hotY) {
        for (int y = 0; y < ARROW.length; y++) {
            for (int x = 0; x < ARROW[y].length(); x++) {
                char p = ARROW[y].charAt(x);
                if (p != '.') {
                    fill(hotX + x, hotY + y, 1, 1, p == '#' ? 0xFFFFFF : 0x000000);
                }
            }
        }
    }

    /** Fills a rectangle, clipped to the screen. */
    private void fill(int left, int top, int width, int height, int rgb) {
        int x0 = Math.max(0, left);
        int x1 = Math.min(ScreenLayout.WIDTH, left + width);
        for (int y = Math.max(0, top); y < Math.min(ScreenLayout.HEIGHT, top + height); y++) {
            if (x0 < x1) {
                Arrays.fill(pixels, y * ScreenLayout.WIDTH + x0, y * ScreenLayout.WIDTH + x1, rgb);
            }
        }
    }
}
