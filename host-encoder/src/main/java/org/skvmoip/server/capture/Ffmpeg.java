package org.skvmoip.server.capture;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg's process-wide set-up, its error codes as text, and its log lines: those written while
 * a thread collects them ({@link #collectMessages()}) explain that thread's next failure
 * ("Cannot load libcuda.so.1" says more than the error code's "Operation not permitted"); the
 * rest go to the server's log at debug level.
 */
public final class Ffmpeg {

    private static final Logger LOG = System.getLogger("org.skvmoip.server.ffmpeg");
    private static final ThreadLocal<Messages> COLLECTING = new ThreadLocal<>();
    /** One callback for the process: JavaCPP has few native thunks per callback class. */
    private static final LogBridge LOG_BRIDGE = new LogBridge();
    private static boolean initialised;

    private Ffmpeg() {
    }

    /**
     * Registers the capture devices (v4l2, dshow, avfoundation, lavfi) with the demuxers and
     * takes FFmpeg's errors (not its progress and banner lines) off stderr.
     */
    public static synchronized void init() {
        if (!initialised) {
            avdevice.avdevice_register_all();
            av_log_set_level(AV_LOG_ERROR);
            setLogCallback(LOG_BRIDGE);
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

    /**
     * Returns {@code code} when it is not an error, else throws saying what was being done, with
     * FFmpeg's last message on this thread when it is collecting them.
     */
    public static int check(int code, String doing) throws IOException {
        if (code < 0) {
            throw new IOException(doing + ": " + describe(code));
        }
        return code;
    }

    /** The error code's text, behind FFmpeg's last message on this thread when it is collecting them. */
    public static String describe(int code) {
        Messages messages = COLLECTING.get();
        String last = messages == null ? "" : messages.last();
        return last.isEmpty() ? error(code) : last + " (" + error(code) + ")";
    }

    /** Until closed, FFmpeg's messages on this thread are kept for {@link #check} instead of logged. */
    public static Messages collectMessages() {
        Messages messages = new Messages(COLLECTING.get());
        COLLECTING.set(messages);
        return messages;
    }

    /** FFmpeg's messages on one thread while collecting. */
    public static final class Messages implements AutoCloseable {
        private final Messages outer;
        private String last = "";

        private Messages(Messages outer) {
            this.outer = outer;
        }

        /** The newest message, without FFmpeg's "[component @ address]" prefix; empty if none. */
        public String last() {
            return last;
        }

        @Override
        public void close() {
            if (outer == null) {
                COLLECTING.remove();
            } else {
                COLLECTING.set(outer);
            }
        }
    }

    private static final class LogBridge extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            String text = message.getString().strip().replaceFirst("^\\[[^\\]]*\\] ", "");
            Messages messages = COLLECTING.get();
            if (messages != null) {
                messages.last = text;
            } else {
                // Failures that matter reach the log through the server's own messages, which say
                // which machine and what happens next; a damaged source could repeat this line per picture.
                LOG.log(Level.DEBUG, "FFmpeg: {0}", text);
            }
        }
    }
}
