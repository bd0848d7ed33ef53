package org.skvmoip.server.stream;

import org.skvmoip.server.config.MachineConfig;

/** The size a stream is encoded at, from the machine's configuration and the captured picture. */
final class OutputGeometry {

    /** Wide enough to recognise a screen on a wall of machines, small enough to encode for dozens. */
    static final int THUMBNAIL_WIDTH = 320;

    private OutputGeometry() {
    }

    /** {width, height}, both even (4:2:0 chroma), never larger than the picture for thumbnails. */
    static int[] of(StreamMode mode, MachineConfig config, int pictureWidth, int pictureHeight) {
        if (mode == StreamMode.THUMBNAIL) {
            int width = Math.min(THUMBNAIL_WIDTH, pictureWidth);
            int height = (int) Math.round((double) pictureHeight * width / pictureWidth);
            return new int[] {even(width), even(height)};
        }
        if (config.width() > 0 && config.height() > 0) {
            return new int[] {even(config.width()), even(config.height())};
        }
        return new int[] {even(pictureWidth), even(pictureHeight)};
    }

    private static int even(int pixels) {
        return Math.max(2, pixels & ~1);
    }
}
