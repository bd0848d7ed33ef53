package org.skvmoip.sim.machine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The target's text font, printable ASCII in 5 x 8 pixels, read from {@code font5x8.txt}
 * beside this class. Embedded data rather than a system font: the pixels are the same on every
 * machine (no font packages needed headless), so tests can compare them exactly.
 */
public final class Font5x8 {

    public static final int WIDTH = 5;
    public static final int HEIGHT = 8;
    public static final char FIRST = 0x20;
    public static final char LAST = 0x7E;

    /** Bit (y * WIDTH + x) of a glyph is pixel (x, y). */
    private static final long[] GLYPHS = load();

    private Font5x8() {
    }

    /** Whether the font has a glyph for {@code c}; others are drawn as '?'. */
    public static boolean has(char c) {
        return c >= FIRST && c <= LAST;
    }

    /** The glyph's pixels as bits, bit (y * WIDTH + x) set when pixel (x, y) is lit. */
    public static long bits(char c) {
        return GLYPHS[(has(c) ? c : '?') - FIRST];
    }

    public static boolean lit(char c, int x, int y) {
        return (bits(c) >>> (y * WIDTH + x) & 1) != 0;
    }

    private static long[] load() {
        long[] glyphs = new long[LAST - FIRST + 1];
        boolean[] seen = new boolean[glyphs.length];
        try (InputStream in = Font5x8.class.getResourceAsStream("font5x8.txt")) {
            if (in == null) {
                throw new IllegalStateException("font5x8.txt is missing beside " + Font5x8.class.getName());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int index = -1;
            int y = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("# ") || line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("@ 0x")) {
                    index = Integer.parseInt(line.substring(4, 6), 16) - FIRST;
                    seen[index] = true;
                    y = 0;
                    continue;
                }
                if (line.length() != WIDTH || y >= HEIGHT) {
                    throw new IllegalStateException("font5x8.txt: bad row '" + line + "' in glyph 0x"
                            + Integer.toHexString(index + FIRST));
                }
                for (int x = 0; x < WIDTH; x++) {
                    if (line.charAt(x) == '#') {
                        glyphs[index] |= 1L << (y * WIDTH + x);
                    }
                }
                y++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new IllegalStateException("font5x8.txt has no glyph for 0x" + Integer.toHexString(i + FIRST));
            }
        }
        return glyphs;
    }
}
