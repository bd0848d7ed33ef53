package org.skvmoip.server.testutil;

import java.awt.image.BufferedImage;

/** Comparing pictures that went through lossy coding. */
public final class Pictures {

    private Pictures() {
    }

    /** The mean absolute difference per colour channel, 0..255, of two pictures of one size. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " and "
                    + b.getWidth() + "x" + b.getHeight());
        }
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return total / (3.0 * a.getWidth() * a.getHeight());
    }
}
