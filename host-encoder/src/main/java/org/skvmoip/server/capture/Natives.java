package org.skvmoip.server.capture;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Frees FFmpeg objects that JavaCPP does not track (FFmpeg allocated them), tolerating null and
 * objects already freed. Each returns null, so {@code frame = Natives.free(frame)} frees and
 * forgets in one statement and a second close frees nothing twice.
 */
public final class Natives {

    private Natives() {
    }

    public static AVFrame free(AVFrame frame) {
        if (frame != null && !frame.isNull()) {
            av_frame_free(frame);
        }
        return null;
    }

    public static AVPacket free(AVPacket packet) {
        if (packet != null && !packet.isNull()) {
            av_packet_free(packet);
        }
        return null;
    }

    public static AVCodecContext free(AVCodecContext context) {
        if (context != null && !context.isNull()) {
            avcodec_free_context(context);
        }
        return null;
    }

    /** Drops one reference to a reference-counted buffer (a hardware device or frame pool). */
    public static AVBufferRef free(AVBufferRef reference) {
        if (reference != null && !reference.isNull()) {
            av_buffer_unref(reference);
        }
        return null;
    }
}
