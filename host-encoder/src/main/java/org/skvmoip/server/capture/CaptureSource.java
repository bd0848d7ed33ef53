package org.skvmoip.server.capture;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.skvmoip.server.config.MachineConfig;

/**
 * One machine's capture source opened with FFmpeg (a capture device through avdevice, or any URL
 * or demuxer), decoding its video stream picture by picture on the caller's thread.
 *
 * <p>No call blocks for ever: FFmpeg's interrupt callback ends any open or read that passes its
 * deadline ({@link #OPEN_TIMEOUT}, {@link #READ_TIMEOUT}) or that the owner asks to stop, so a
 * capture device unplugged or a stream server gone silent turns into an {@link IOException}.
 */
public final class CaptureSource implements AutoCloseable {

    public static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);
    /** A live source sends at least one picture a second; three seconds of silence means it is gone. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** How long FFmpeg may read to learn the stream's format: more only delays the first picture. */
    private static final String ANALYZE_MICROS = "500000";
    /** A decoded picture may run this far ahead of the wall clock before pacing resets. */
    private static final long MAX_PACING_NANOS = 1_000_000_000L;
    /** avcodec.h's FF_THREAD_SLICE, which the presets do not export. */
    private static final int FF_THREAD_SLICE = 2;

    /**
     * JavaCPP can create only a few native thunks per callback class, so one callback serves every
     * source; each source's token (a native address) finds the source again.
     */
    private static final Map<Long, CaptureSource> BY_TOKEN = new ConcurrentHashMap<>();
    private static final InterruptCheck INTERRUPT_CHECK = new InterruptCheck();

    private final String machine;
    private final String source;
    private final BooleanSupplier stopRequested;
    private final LongPointer token = new LongPointer(1);
    private volatile long deadlineNanos;
    private AVFormatContext format;
    private AVCodecContext decoder;
    private AVPacket packet;
    private AVFrame frame;
    private int streamIndex;
    private double timeBaseSeconds;
    private final boolean paced;
    private long pacingOriginPts = Long.MIN_VALUE;
    private long pacingOriginNanos;
    private CaptureStamp lastRead;

    private CaptureSource(MachineConfig config, BooleanSupplier stopRequested) {
        this.machine = config.name();
        this.source = config.source();
        this.stopRequested = stopRequested;
        this.paced = needsPacing(config);
        BY_TOKEN.put(token.address(), this);
    }

    /**
     * Opens the machine's source as its configuration says and finds its video stream.
     *
     * @param stopRequested polled while FFmpeg waits: true ends the wait with an IOException
     * @throws IOException what went wrong, naming the machine and the source
     */
    public static CaptureSource open(MachineConfig config, BooleanSupplier stopRequested) throws IOException {
        Ffmpeg.init();
        CaptureSource capture = new CaptureSource(config, stopRequested);
        try (Ffmpeg.Messages messages = Ffmpeg.collectMessages()) {
            capture.openInput(config);
            capture.openDecoder();
            return capture;
        } catch (IOException | RuntimeException e) {
            capture.close();
            throw e;
        }
    }

    private void openInput(MachineConfig config) throws IOException {
        AVInputFormat inputFormat = null;
        if (!config.inputFormat().isEmpty()) {
            inputFormat = av_find_input_format(config.inputFormat());
            if (inputFormat == null) {
                throw new IOException(what() + ": FFmpeg has no input format '" + config.inputFormat()
                        + "' (inputFormat is a demuxer or device name such as v4l2, dshow, avfoundation, lavfi or mpjpeg)");
            }
        }
        AVDictionary options = new AVDictionary(null);
        try {
            deviceOptions(config).forEach((key, value) -> av_dict_set(options, key, value, 0));
            av_dict_set(options, "analyzeduration", ANALYZE_MICROS, 0);
            // Live sources: hand each packet over as it arrives instead of buffering to smooth timing.
            av_dict_set(options, "fflags", "nobuffer", 0);
            format = avformat_alloc_context();
            AVIOInterruptCB interrupt = format.interrupt_callback();
            interrupt.callback(INTERRUPT_CHECK);
            interrupt.opaque(token);
            armDeadline(OPEN_TIMEOUT);
            // On failure FFmpeg frees the context and JavaCPP nulls our reference to it.
            Ffmpeg.check(avformat_open_input(format, source, inputFormat, options), "cannot open " + what());
        } finally {
            av_dict_free(options);
        }
        armDeadline(OPEN_TIMEOUT);
        Ffmpeg.check(avformat_find_stream_info(format, (PointerPointer<?>) null), "cannot read the format of " + what());
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) {
            throw new IOException(what() + " has no video stream (" + Ffmpeg.error(streamIndex) + ")");
        }
    }

    /** Capture mode options, named as each device family names them. */
    static Map<String, String> deviceOptions(MachineConfig config) {
        Map<String, String> options = new LinkedHashMap<>();
        if (config.width() > 0 && config.height() > 0) {
            options.put("video_size", config.width() + "x" + config.height());
        }
        if (config.fps() > 0) {
            options.put("framerate", Integer.toString(config.fps()));
        }
        String pixelFormat = config.pixelFormat();
        if (!pixelFormat.isEmpty()) {
            switch (config.inputFormat()) {
                case "dshow" -> options.put(pixelFormat.equals("mjpeg") ? "vcodec" : "pixel_format", pixelFormat);
                case "avfoundation" -> options.put("pixel_format", pixelFormat);
                default -> options.put("input_format", pixelFormat);
            }
        }
        return options;
    }

    private void openDecoder() throws IOException {
        AVStream stream = format.streams(streamIndex);
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            throw new IOException(what() + ": FFmpeg has no decoder for its video codec (id "
                    + stream.codecpar().codec_id() + ")");
        }
        decoder = avcodec_alloc_context3(codec);
        Ffmpeg.check(avcodec_parameters_to_context(decoder, stream.codecpar()), "cannot set up the decoder of " + what());
        // Frame threading holds back one picture per thread; slice threading adds no delay.
        decoder.thread_type(FF_THREAD_SLICE);
        decoder.flags(decoder.flags() | AV_CODEC_FLAG_LOW_DELAY);
        Ffmpeg.check(avcodec_open2(decoder, codec, (AVDictionary) null), "cannot open the decoder of " + what());
        timeBaseSeconds = stream.time_base().num() / (double) stream.time_base().den();
        packet = av_packet_alloc();
        frame = av_frame_alloc();
    }

    /**
     * Reads and decodes until the next picture, which {@link #frame()} then holds (until the next
     * call). Returns when its packet was read.
     *
     * @throws IOException the source ended, failed, went silent or was asked to stop
     */
    public CaptureStamp next() throws IOException {
        while (true) {
            int received = avcodec_receive_frame(decoder, frame);
            if (received == 0) {
                pace();
                return lastRead;
            }
            if (received != AVERROR_EAGAIN()) {
                Ffmpeg.check(received, "cannot decode " + what());
            }
            armDeadline(READ_TIMEOUT);
            int read = av_read_frame(format, packet);
            if (read < 0) {
                throw new IOException(readFailure(read));
            }
            try {
                if (packet.stream_index() != streamIndex) {
                    continue;
                }
                lastRead = CaptureStamp.now(true);
                // A damaged packet (a torn JPEG) costs one picture, not the capture.
                avcodec_send_packet(decoder, packet);
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private String readFailure(int code) {
        if (stopRequested.getAsBoolean()) {
            return what() + ": capture stopped";
        }
        if (code == AVERROR_EOF()) {
            return what() + " ended";
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            return what() + " sent no picture for " + READ_TIMEOUT.toSeconds() + " s";
        }
        return "cannot read " + what() + ": " + Ffmpeg.error(code);
    }

    /** The picture {@link #next()} decoded last, in the source's own size and pixel format. */
    public AVFrame frame() {
        return frame;
    }

    /** Files and lavfi generators deliver as fast as they are read: play them at their own rate. */
    private static boolean needsPacing(MachineConfig config) {
        if (config.inputFormat().equals("lavfi")) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(config.source()));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    private void pace() {
        long pts = frame.best_effort_timestamp();
        if (!paced || pts == AV_NOPTS_VALUE()) {
            return;
        }
        long now = System.nanoTime();
        long due = pacingOriginNanos + (long) ((pts - pacingOriginPts) * timeBaseSeconds * 1e9);
        if (pacingOriginPts == Long.MIN_VALUE || due - now > MAX_PACING_NANOS || due - now < -MAX_PACING_NANOS) {
            pacingOriginPts = pts;
            pacingOriginNanos = now;
            return;
        }
        while (due - System.nanoTime() > 0 && !stopRequested.getAsBoolean()) {
            long wait = Math.min(due - System.nanoTime(), 50_000_000L);
            LockSupport.parkNanos(wait);
        }
        lastRead = CaptureStamp.now(true);
    }

    private void armDeadline(Duration timeout) {
        deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    private boolean shouldInterrupt() {
        return stopRequested.getAsBoolean() || System.nanoTime() - deadlineNanos > 0;
    }

    private String what() {
        return "video source '" + source + "' of machine " + machine;
    }

    /** Frees every native object; safe to call more than once. */
    @Override
    public void close() {
        frame = Natives.free(frame);
        packet = Natives.free(packet);
        decoder = Natives.free(decoder);
        if (format != null) {
            if (!format.isNull()) {
                avformat_close_input(format);
            }
            format = null;
        }
        if (!token.isNull()) {
            BY_TOKEN.remove(token.address());
            token.close();
        }
    }

    private static final class InterruptCheck extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            CaptureSource capture = opaque == null ? null : BY_TOKEN.get(opaque.address());
            return capture != null && capture.shouldInterrupt() ? 1 : 0;
        }
    }
}
