package org.skvmoip.client.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * FFmpeg's error codes as text, and its log kept to errors: the client has no log file for
 * FFmpeg's progress lines, and a failed hardware decoder is reported through {@link VideoDecoder}.
 */
final class FfmpegCalls {

    private static boolean initialised;

    private FfmpegCalls() {
    }

    static synchronized void init() {
        if (!initialised) {
            av_log_set_level(AV_LOG_ERROR);
            initialised = true;
        }
    }

    /** FFmpeg's description of an error code ("Invalid data found when processing input"). */
    static String error(int code) {
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
    static int check(int code, String doing) throws IOException {
        if (code < 0) {
            throw new IOException(doing + ": " + error(code));
        }
        return code;
    }
}
