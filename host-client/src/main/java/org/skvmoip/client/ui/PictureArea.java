package org.skvmoip.client.ui;

/**
 * Where a picture of {@code pictureWidth} x {@code pictureHeight} is drawn inside a view of
 * {@code viewWidth} x {@code viewHeight}: as large as fits with its aspect kept, centred, the rest
 * black bars (letterbox), at whole-pixel offsets. Maps view coordinates to the absolute pointer's 0..32767.
 */
public record PictureArea(double left, double top, double width, double height, int pictureWidth, int pictureHeight) {

    /** The absolute pointer's range, as the module's HID descriptor declares it. */
    public static final int ABSOLUTE_MAX = 32767;

    /** The largest area of the picture's aspect that fits the view, centred. */
    public static PictureArea fit(double viewWidth, double viewHeight, int pictureWidth, int pictureHeight) {
        if (pictureWidth <= 0 || pictureHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return new PictureArea(0, 0, 0, 0, Math.max(pictureWidth, 0), Math.max(pictureHeight, 0));
        }
        double scale = Math.min(viewWidth / pictureWidth, viewHeight / pictureHeight);
        double width = pictureWidth * scale;
        double height = pictureHeight * scale;
        // Whole-pixel offsets: a picture shown at its own size stays sharp instead of straddling pixels.
        return new PictureArea(Math.floor((viewWidth - width) / 2), Math.floor((viewHeight - height) / 2), width, height,
                pictureWidth, pictureHeight);
    }

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    /** Whether view point (x, y) is on the picture rather than on a bar. */
    public boolean contains(double x, double y) {
        return !isEmpty() && x >= left && x < left + width && y >= top && y < top + height;
    }

    /** The absolute pointer's x for view x; points on the bars are clamped to the picture's edge. */
    public int absoluteX(double x) {
        return absolute(x - left, width, pictureWidth);
    }

    /** The absolute pointer's y for view y; points on the bars are clamped to the picture's edge. */
    public int absoluteY(double y) {
        return absolute(y - top, height, pictureHeight);
    }

    /**
     * The picture pixel under the point, then the smallest absolute value a target maps back to
     * that pixel (targets map {@code abs * (size - 1) / 32767}): a click lands on the pixel clicked.
     */
    private static int absolute(double offset, double drawn, int pixels) {
        if (drawn <= 0 || pixels <= 1) {
            return 0;
        }
        int pixel = (int) Math.floor(offset / drawn * pixels);
        pixel = Math.max(0, Math.min(pixels - 1, pixel));
        return (int) Math.min(ABSOLUTE_MAX, ((long) pixel * ABSOLUTE_MAX + pixels - 2) / (pixels - 1));
    }
}
