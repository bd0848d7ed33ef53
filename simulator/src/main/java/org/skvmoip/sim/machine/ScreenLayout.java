package org.skvmoip.sim.machine;

/**
 * Where things are on the virtual target's screen, so tests can find text in a snapshot or in
 * decoded video: an 80 x 25 text grid of 12 x 24 pixel cells, each glyph of the 5 x 8
 * {@link Font5x8} drawn at twice its size (10 x 16 pixels) inside its cell.
 */
public final class ScreenLayout {

    public static final int WIDTH = 1024;
    public static final int HEIGHT = 768;

    public static final int COLUMNS = 80;
    public static final int ROWS = 25;
    public static final int CELL_WIDTH = 12;
    public static final int CELL_HEIGHT = 24;
    /** Each font pixel is drawn as a SCALE x SCALE block. */
    public static final int SCALE = 2;
    /** The glyph's top-left corner within its cell. */
    public static final int GLYPH_X = 1;
    public static final int GLYPH_Y = 2;
    /** The text cursor: a bar below the glyph area, so reading text never sees it. */
    public static final int CURSOR_Y = GLYPH_Y + Font5x8.HEIGHT * SCALE + 2;
    public static final int CURSOR_HEIGHT = 2;

    /** The grid, centred. */
    public static final int ORIGIN_X = (WIDTH - COLUMNS * CELL_WIDTH) / 2;
    public static final int ORIGIN_Y = (HEIGHT - ROWS * CELL_HEIGHT) / 2;

    /** Text and background colours (RGB): bright on black, far apart after lossy video coding. */
    public static final int TEXT_RGB = 0xC0C0C0;
    public static final int TITLE_RGB = 0xFFFFFF;
    public static final int BACKGROUND_RGB = 0x000000;

    private ScreenLayout() {
    }

    public static int cellX(int column) {
        return ORIGIN_X + column * CELL_WIDTH;
    }

    public static int cellY(int row) {
        return ORIGIN_Y + row * CELL_HEIGHT;
    }
}
