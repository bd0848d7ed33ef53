package org.skvmoip.server.capture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** What viewers see while a machine's capture source is gone: "NO SIGNAL" and the machine's name. */
public final class NoSignalPicture {

    /** Dark blue-grey, not black: a black screen could be a machine that is merely off. */
    public static final Color BACKGROUND = new Color(0x1C, 0x24, 0x38);
    public static final Color TEXT = Color.WHITE;
    public static final String TITLE = "NO SIGNAL";

    private NoSignalPicture() {
    }

    public static BufferedImage render(String machine, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(BACKGROUND);
            graphics.fillRect(0, 0, width, height);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(TEXT);
            drawCentred(graphics, TITLE, new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, height / 8)), width, height / 2);
            graphics.setColor(Color.LIGHT_GRAY);
            drawCentred(graphics, machine, new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(6, height / 20)), width,
                    height / 2 + height / 8);
        } catch (RuntimeException | InternalError noFonts) {
            // A server without fonts still shows the plain background: better than no picture.
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static void drawCentred(Graphics2D graphics, String text, Font font, int width, int baseline) {
        graphics.setFont(font);
        FontMetrics metrics = graphics.getFontMetrics();
        graphics.drawString(text, (width - metrics.stringWidth(text)) / 2, baseline);
    }
}
