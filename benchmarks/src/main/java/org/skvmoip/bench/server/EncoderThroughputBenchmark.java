package org.skvmoip.bench.server;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_arrays;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.skvmoip.server.capture.CaptureStamp;
import org.skvmoip.server.capture.Natives;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.encode.EncoderOptions;
import org.skvmoip.server.encode.EncoderParameters;
import org.skvmoip.server.encode.EncoderProbe;
import org.skvmoip.server.encode.H264Encoder;

/**
 * Our encoder against the {@code ffmpeg} command line on the same frames with the same settings,
 * in the same run: a raw 4:2:0 clip of FFmpeg's test pattern made once, then encoded by turns by
 * {@code ffmpeg} (libx264, the options {@link H264Encoder} sets, output thrown away) and by
 * {@link H264Encoder} reading the same file, with no capture pacing. Both read the clip from the
 * page cache. {@code ffmpeg}'s time is its own {@code -benchmark} real time (from parsing its
 * options, which opens the input, to the end: the process's start-up is left out); ours runs from
 * opening the encoder to closing it. The two outputs are compared once: their sizes, and the
 * settings x264 writes into the stream, to show the encoders really are set up alike.
 */
final class EncoderThroughputBenchmark {

    private static final String ENCODER = "libx264";
    private static final int WARM_UP_FRAMES = 60;
    private static final Pattern BENCH_REAL_TIME = Pattern.compile("bench:.*rtime=([0-9.]+)s");

    record Result(int width, int height, int fps, int frames, String command, double[] cliFps, double[] ourFps,
            long cliBytes, long ourBytes, Optional<X264Settings> cliSettings, Optional<X264Settings> ourSettings,
            String load) {

        double ratio() {
            return median(ourFps) / median(cliFps);
        }

        static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    private EncoderThroughputBenchmark() {
    }

    static Result measure(int width, int height, int fps, int frames, int repeats) throws Exception {
        EncoderSettings defaults = EncoderSettings.DEFAULTS;
        EncoderParameters parameters = new EncoderParameters(defaults.preset(), width, height, fps,
                defaults.bitrateKbps(), defaults.gopFrames(), 0);
        Path clip = Files.createTempFile("skvm-bench-", ".yuv");
        Path encoded = Files.createTempFile("skvm-bench-", ".h264");
        try {
            run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                    Sources.testPatternGraph(width, height, fps), "-frames:v", Integer.toString(frames),
                    "-pix_fmt", "yuv420p", "-f", "rawvideo", clip.toString()));
            double[] cli = new double[repeats];
            double[] ours = new double[repeats];
            Output output = new Output();
            // Loading FFmpeg's libraries and compiling the Java side happen once per process: not per stream.
            timeOurs(clip, parameters, Math.min(frames, WARM_UP_FRAMES), output);
            for (int r = 0; r < repeats; r++) {
                // Alternate which goes first, so neither always runs on a cooler (or hotter) host.
                if (r % 2 == 0) {
                    cli[r] = frames / timeCommandLine(command(clip, parameters, "null", "-"));
                }
                ours[r] = frames / timeOurs(clip, parameters, frames, output);
                if (r % 2 == 1) {
                    cli[r] = frames / timeCommandLine(command(clip, parameters, "null", "-"));
                }
            }
            run(command(clip, parameters, "h264", encoded.toString()));
            byte[] cliStream = Files.readAllBytes(encoded);
            return new Result(width, height, fps, frames, String.join(" ", command(clip, parameters, "null", "-"))
                    .replace(clip.toString(), "CLIP.yuv"), cli, ours, cliStream.length, output.bytes,
                    X264Settings.find(cliStream), X264Settings.find(output.first), Host.loadAverage());
        } finally {
            Files.deleteIfExists(clip);
            Files.deleteIfExists(encoded);
        }
    }

    /**
     * The command line doing what {@link H264Encoder} does: the codec context's fields (GOP, no
     * B-frames, bitrate = maxrate, a VBV buffer of {@link H264Encoder#VBV_FRAMES} frames, threads
     * as the encoder decides) and libx264's private options as {@link EncoderOptions} gives them.
     */
    static List<String> command(Path clip, EncoderParameters p, String format, String output) {
        long bitsPerSecond = p.bitrateKbps() * 1000L;
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-benchmark", "-y",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", p.width() + "x" + p.height(),
                "-framerate", Integer.toString(p.fps()), "-i", clip.toString(),
                "-c:v", ENCODER, "-g", Integer.toString(p.gopFrames()), "-bf", "0",
                "-b:v", Long.toString(bitsPerSecond), "-maxrate", Long.toString(bitsPerSecond),
                "-bufsize", Long.toString(bitsPerSecond * H264Encoder.VBV_FRAMES / p.fps()),
                "-threads", Integer.toString(p.threads())));
        for (Map.Entry<String, String> option : EncoderOptions.forEncoder(ENCODER, p.preset()).entrySet()) {
            command.add("-" + option.getKey());
            command.add(option.getValue());
        }
        command.addAll(List.of("-f", format, output));
        return command;
    }

    /** Seconds as {@code ffmpeg -benchmark} reports them ("bench: utime=... rtime=1.234s"). */
    private static double timeCommandLine(List<String> command) throws IOException, InterruptedException {
        Matcher realTime = BENCH_REAL_TIME.matcher(run(command));
        if (!realTime.find()) {
            throw new IOException("ffmpeg -benchmark printed no rtime: " + String.join(" ", command));
        }
        return Double.parseDouble(realTime.group(1));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
        }
        return output;
    }

    /** What our encoder produced: bytes of a run, its first access unit (x264 writes its settings there). */
    private static final class Output {
        long bytes;
        byte[] first;
    }

    /**
     * Seconds our encoder takes for the clip: open, read each picture from the file and encode it
     * (stamped one frame time apart, as a capture at the clip's rate would), close.
     */
    private static double timeOurs(Path clip, EncoderParameters parameters, int frames, Output output) throws Exception {
        int frameBytes = av_image_get_buffer_size(AV_PIX_FMT_YUV420P, parameters.width(), parameters.height(), 1);
        long frameNanos = 1_000_000_000L / parameters.fps();
        AVFrame picture = av_frame_alloc();
        try (BytePointer pixels = new BytePointer(frameBytes);
                FileChannel file = FileChannel.open(clip, StandardOpenOption.READ)) {
            picture.width(parameters.width());
            picture.height(parameters.height());
            picture.format(AV_PIX_FMT_YUV420P);
            av_image_fill_arrays(picture.data(), picture.linesize(), pixels, AV_PIX_FMT_YUV420P, parameters.width(),
                    parameters.height(), 1);
            ByteBuffer buffer = pixels.asByteBuffer();
            output.bytes = 0;
            long started = System.nanoTime();
            try (H264Encoder encoder = new EncoderProbe().open(ENCODER, parameters).encoder()) {
                for (int i = 0; i < frames; i++) {
                    buffer.clear();
                    while (buffer.hasRemaining()) {
                        if (file.read(buffer, (long) i * frameBytes + buffer.position()) < 0) {
                            throw new IOException("the clip ended at picture " + i + " of " + frames);
                        }
                    }
                    long captured = i * frameNanos;
                    encoder.encode(picture, new CaptureStamp(captured, captured / 1_000, true),
                            (annexB, keyframe, pts, stamp, encodedNanos) -> {
                                output.first = output.bytes == 0 ? annexB : output.first;
                                output.bytes += annexB.length;
                            });
                }
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            Natives.free(picture);
        }
    }
}
