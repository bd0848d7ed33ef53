package org.skvmoip.server.capture;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.bytedeco.ffmpeg.global.avdevice;

/** FFmpeg's process-wide set-up and its error codes as text, for capture and encode alike. */
public final class Ffmpeg {

    private static boolean initialised;

    private Ffmpeg() {
    }

    /**
     * Registers the capture devices (v4l2, dshow, avfoundation, lavfi) with the demuxers and keeps
     * FFmpeg's own console output to errors: progress and banner lines from encoders would
     * otherwise go to the server's stderr for every stream started.
     */
    public static synchronized void init() {
        if (!initialised) {
            avdevice.avdevice_register_all();
            av_log_set_level(AV_LOG_ERROR);
            initialised = true;
        }
    }

    /** FFmpeg's description of an error code ("Connection refused", "End of file"). */
    public static String error(int code) {
        byte[] text = new byte[256];
        if (av_strerror(code, text, text.length) < 0) {
            return "FFmpeg error " + code;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }

    /** Returns {@code code} when it is not an error, else throws saying what was being done. */
    public static int check(int code, String doing) throws IOException {
        if (code < 0) {
            throw new IOException(doing + ": " + error(code));
        }
        return code;
    }
}
