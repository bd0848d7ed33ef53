package org.skvmoip.client.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;

/** Converts decoded pictures (YUV, NV12...) to BGRA at their own size with swscale. Not thread-safe. */
final class BgraConverter implements AutoCloseable {

    private SwsContext context;

    void convert(AVFrame source, DecodedPicture target) {
        int width = source.width();
        int height = source.height();
        target.resize(width, height);
        // Reused while the size and format stay; on a change the old context is freed.
        context = sws_getCachedContext(context, width, height, source.format(), width, height, AV_PIX_FMT_BGRA,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("swscale cannot convert " + width + "x" + height + " pictures of pixel format "
                    + source.format() + " to BGRA");
        }
        sws_scale(context, source.data(), source.linesize(), 0, height, target.planes(), target.strides());
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
    }
}
