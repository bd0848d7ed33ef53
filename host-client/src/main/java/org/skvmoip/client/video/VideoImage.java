package org.skvmoip.client.video;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The picture on screen: a JavaFX image over a {@link PixelBuffer} of the stream's size, into
 * which each decoded picture is copied (one memory copy, no allocation, inside
 * {@link PixelBuffer#updateBuffer} as JavaFX requires). A new image is made only when the
 * stream's size changes. JavaFX application thread only.
 */
public final class VideoImage {

    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    /**
     * Copies {@code picture} in.
     *
     * @return true when the image object changed (first picture or new size): show {@link #image()}
     */
    public boolean update(DecodedPicture picture) {
        boolean resized = buffer == null || buffer.getWidth() != picture.width() || buffer.getHeight() != picture.height();
        if (resized) {
            IntBuffer pixels = ByteBuffer.allocateDirect(picture.width() * picture.height() * 4)
                    .order(ByteOrder.nativeOrder()).asIntBuffer();
            buffer = new PixelBuffer<>(picture.width(), picture.height(), pixels, PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        buffer.updateBuffer(pixelBuffer -> {
            IntBuffer target = pixelBuffer.getBuffer();
            target.clear();
            target.put(picture.pixels());
            target.clear();
            return null;
        });
        return resized;
    }

    /** The image, or null before the first picture. */
    public WritableImage image() {
        return image;
    }
}
