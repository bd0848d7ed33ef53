package org.skvmoip.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.Loader;
import org.skvmoip.server.capture.CaptureStamp;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.encode.EncoderOptions;
import org.skvmoip.server.encode.EncoderParameters;
import org.skvmoip.server.encode.EncoderProbe;
import org.skvmoip.server.encode.H264Encoder;

/**
 * Our encoder against the {@code ffmpeg} command line on the same frames with the same settings,
 * in the same run: a raw 4:2:0 clip of FFmpeg's test pattern made once, then encoded by turns by
 * {@link H264Encoder} (the file read a few pictures ahead on a thread of its own, as a capture runs
 * ahead of its encoder; no capture pacing) and by two {@code ffmpeg} programs
 * given the options {@link H264Encoder} sets, output thrown away: the one JavaCPP ships with
 * the very libavcodec and x264 the server loads (the fair comparison: only our Java side
 * differs), and the host's own (another build of x264). Both read the clip from the page cache.
 *
 * <p>Times: {@code ffmpeg}'s own {@code -benchmark} real and CPU time (from parsing its options,
 * which opens the input, to the end: the process's start-up is left out); ours from opening the
 * encoder to closing it, with this process's CPU time (JIT and GC threads included). The outputs
 * are compared once: their sizes, and the settings x264 writes into the stream, option by option.
 */
final class EncoderThroughputBenchmark {

    private static final String ENCODER = "libx264";
    private static final int WARM_UP_FRAMES = 60;
    private static final Pattern BENCH_TIMES =
            Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");

    /** One way of encoding the clip and what its runs measured. */
    record Contender(String name, double[] fps, double[] cpuMillisPerFrame, long bytes,
            Optional<X264Settings> settings) {

        double medianFps() {
            return median(fps);
        }

        double medianCpu() {
            return median(cpuMillisPerFrame);
        }
    }

    /** {@code ours} and the command lines, the first of them the one sharing our libraries. */
    record Result(int width, int height, int fps, int frames, String command, Contender ours,
            List<Contender> commandLines, String load) {
    }

    private record Timing(double seconds, double cpuSeconds) {
    }

    private EncoderThroughputBenchmark() {
    }

    static Result measure(int width, int height, int fps, int frames, int repeats) throws Exception {
        EncoderSettings defaults = EncoderSettings.DEFAULTS;
        EncoderParameters parameters = new EncoderParameters(defaults.preset(), width, height, fps,
                defaults.bitrateKbps(), defaults.gopFrames(), 0);
        List<String> programs = List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "ffmpeg");
        Path clip = Files.createTempFile("skvm-bench-", ".yuv");
        Path encoded = Files.createTempFile("skvm-bench-", ".h264");
        try {
            run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                    Sources.testPatternGraph(width, height, fps), "-frames:v", Integer.toString(frames),
                    "-pix_fmt", "yuv420p", "-f", "rawvideo", clip.toString()));
            int contenders = programs.size() + 1;
            double[][] fpsRuns = new double[contenders][repeats];
            double[][] cpuRuns = new double[contenders][repeats];
            Output output = new Output();
            // Once per process, not per stream: loading the libraries (FFmpeg's, ours), compiling the Java side.
            timeOurs(clip, parameters, Math.min(frames, WARM_UP_FRAMES), output);
            for (String program : programs) {
                timeCommandLine(command(program, clip, parameters, "null", "-"));
            }
            for (int r = 0; r < repeats; r++) {
                // Rotate who goes first, so no one always runs on a quieter (or busier) host.
                for (int turn = 0; turn < contenders; turn++) {
                    int who = (turn + r) % contenders;
                    Timing timing = who == 0 ? timeOurs(clip, parameters, frames, output)
                            : timeCommandLine(command(programs.get(who - 1), clip, parameters, "null", "-"));
                    fpsRuns[who][r] = frames / timing.seconds();
                    cpuRuns[who][r] = timing.cpuSeconds() * 1e3 / frames;
                }
            }
            Contender ours = new Contender("ours", fpsRuns[0], cpuRuns[0], output.bytes,
                    X264Settings.find(output.first));
            List<Contender> commandLines = new ArrayList<>();
            for (int i = 0; i < programs.size(); i++) {
                run(command(programs.get(i), clip, parameters, "h264", encoded.toString()));
                byte[] stream = Files.readAllBytes(encoded);
                commandLines.add(new Contender(version(programs.get(i)), fpsRuns[i + 1], cpuRuns[i + 1], stream.length,
                        X264Settings.find(stream)));
            }
            String command = String.join(" ", command("ffmpeg", clip, parameters, "null", "-"))
                    .replace(clip.toString(), "CLIP.yuv");
            return new Result(width, height, fps, frames, command, ours, commandLines, Host.loadAverage());
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
    static List<String> command(String program, Path clip, EncoderParameters p, String format, String output) {
        long bitsPerSecond = p.bitrateKbps() * 1000L;
        List<String> command = new ArrayList<>(List.of(program, "-nostdin", "-hide_banner", "-nostats", "-benchmark",
                "-y", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", p.width() + "x" + p.height(),
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

    /** Real and CPU (user + system) seconds as {@code ffmpeg -benchmark} reports them. */
    private static Timing timeCommandLine(List<String> command) throws IOException, InterruptedException {
        Matcher times = BENCH_TIMES.matcher(run(command));
        if (!times.find()) {
            throw new IOException("ffmpeg -benchmark printed no times: " + String.join(" ", command));
        }
        return new Timing(Double.parseDouble(times.group(3)),
                Double.parseDouble(times.group(1)) + Double.parseDouble(times.group(2)));
    }

    /** "ffmpeg 7.1.1" and where it comes from. */
    private static String version(String program) throws IOException, InterruptedException {
        String first = run(List.of(program, "-hide_banner", "-version")).lines().findFirst().orElse("ffmpeg");
        String[] words = first.split(" ");
        String version = words.length > 2 ? "ffmpeg " + words[2] : first;
        return program.equals("ffmpeg") ? version + " (this host's)" : version + " (JavaCPP's: our libraries)";
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
     * Our encoder on the clip: open, encode each picture as the reader hands it over (stamped one
     * frame time apart, as a capture at the clip's rate would), close.
     */
    private static Timing timeOurs(Path clip, EncoderParameters parameters, int frames, Output output)
            throws Exception {
        long frameNanos = 1_000_000_000L / parameters.fps();
        output.bytes = 0;
        long cpuBefore = Host.processCpuNanos();
        long started = System.nanoTime();
        try (ClipReader reader = new ClipReader(clip, parameters.width(), parameters.height(), frames);
                H264Encoder encoder = new EncoderProbe().open(ENCODER, parameters).encoder()) {
            for (int i = 0; i < frames; i++) {
                AVFrame picture = reader.take();
                long captured = i * frameNanos;
                encoder.encode(picture, new CaptureStamp(captured, captured / 1_000, true),
                        (annexB, keyframe, pts, stamp, encodedNanos) -> {
                            output.first = output.bytes == 0 ? annexB : output.first;
                            output.bytes += annexB.length;
                        });
                reader.release(picture);
            }
        }
        return new Timing((System.nanoTime() - started) / 1e9, (Host.processCpuNanos() - cpuBefore) / 1e9);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
