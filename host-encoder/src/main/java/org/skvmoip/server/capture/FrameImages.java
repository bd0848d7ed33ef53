package org.skvmoip.server.capture;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/** Pictures between FFmpeg frames and Java images, as 8-bit BGR (Java's TYPE_3BYTE_BGR layout). */
public final class FrameImages {

    private FrameImages() {
    }

    /** A copy of {@code picture} (any size and pixel format) as a Java image. */
    public static BufferedImage toImage(AVFrame picture) {
        int width = picture.width();
        int height = picture.height();
        AVFrame bgr = allocateBgr(width, height);
        try (PictureScaler scaler = new PictureScaler(SWS_BILINEAR)) {
            scaler.scale(picture, bgr);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            BytePointer plane = bgr.data(0);
            int stride = bgr.linesize(0);
            for (int y = 0; y < height; y++) {
                plane.position((long) y * stride).get(pixels, y * width * 3, width * 3);
            }
            return image;
        } finally {
            av_frame_free(bgr);
        }
    }

    /** A new reference-counted BGR24 frame holding {@code image}; the caller frees it. */
    public static AVFrame toFrame(BufferedImage image) {
        BufferedImage bgrImage = asBgr(image);
        int width = bgrImage.getWidth();
        int height = bgrImage.getHeight();
        byte[] pixels = ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
        AVFrame frame = allocateBgr(width, height);
        BytePointer plane = frame.data(0);
        int stride = frame.linesize(0);
        for (int y = 0; y < height; y++) {
            plane.position((long) y * stride).put(pixels, y * width * 3, width * 3);
        }
        return frame;
    }

    private static AVFrame allocateBgr(int width, int height) {
        AVFrame frame = av_frame_alloc();
        frame.width(width);
        frame.height(height);
        frame.format(AV_PIX_FMT_BGR24);
        int result = av_frame_get_buffer(frame, 0);
        if (result < 0) {
            av_frame_free(frame);
            throw new OutOfMemoryError("no native memory for a " + width + "x" + height + " picture: " + Ffmpeg.error(result));
        }
        return frame;
    }

    private static BufferedImage asBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = copy.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return copy;
    }
}
