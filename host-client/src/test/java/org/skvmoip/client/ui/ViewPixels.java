package org.skvmoip.client.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.skvmoip.sim.machine.ScreenLayout;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** What a machine window's video shows, read back from JavaFX's rendering of it. */
final class ViewPixels {

    private ViewPixels() {
    }

    /**
     * The picture area of the video as rendered on screen (a snapshot of the node), scaled to the
     * target's screen size, for {@code ScreenTextReader}.
     */
    static BufferedImage screenOf(VideoSurface surface) throws Exception {
        return FxTest.call(() -> {
            WritableImage shot = surface.snapshot(null, null);
            PictureArea area = surface.pictureArea();
            int left = (int) Math.round(area.left());
            int top = (int) Math.round(area.top());
            int width = (int) Math.round(area.width());
            int height = (int) Math.round(area.height());
            int[] pixels = new int[width * height];
            shot.getPixelReader().getPixels(left, top, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
            BufferedImage drawn = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            drawn.setRGB(0, 0, width, height, pixels, 0, width);
            if (width == ScreenLayout.WIDTH && height == ScreenLayout.HEIGHT) {
                return drawn;
            }
            BufferedImage scaled = new BufferedImage(ScreenLayout.WIDTH, ScreenLayout.HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(drawn, 0, 0, ScreenLayout.WIDTH, ScreenLayout.HEIGHT, null);
            g.dispose();
            return scaled;
        });
    }
}
