package org.skvmoip.server.capture;

import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Converts pictures between sizes and pixel formats with swscale, keeping one context for as
 * long as the source keeps its size and format (a source that changes them gets a new one).
 */
public final class PictureScaler implements AutoCloseable {

    private final int flags;
    private SwsContext context;

    /** @param flags swscale's algorithm, e.g. {@code SWS_BILINEAR} */
    public PictureScaler(int flags) {
        this.flags = flags;
    }

    /** Draws {@code source} into {@code target}, whose size, format and buffers are already set. */
    public void scale(AVFrame source, AVFrame target) {
        // On a parameter change the cached context is freed; on failure null comes back.
        context = sws_getCachedContext(context, source.width(), source.height(), source.format(),
                target.width(), target.height(), target.format(), flags, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalArgumentException("swscale cannot convert " + describe(source) + " to " + describe(target));
        }
        sws_scale(context, source.data(), source.linesize(), 0, source.height(), target.data(), target.linesize());
    }

    private static String describe(AVFrame frame) {
        return frame.width() + "x" + frame.height() + " pixel format " + frame.format();
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
    }
}
