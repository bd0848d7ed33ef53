package org.skvmoip.bench.server;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.skvmoip.server.config.EncoderSettings;

/**
 * The server's benchmarks (issue 4), printed as the markdown that goes into BENCHMARKS.md:
 * pipeline latency, encoder throughput against the {@code ffmpeg} command line, streams kept
 * real-time, what viewers cost, and the bitrate of a static screen against a moving one.
 */
public final class ServerBenchmarks {

    /** How long each measurement runs; {@link #QUICK} is for trying the benchmarks out, not for numbers. */
    public record Plan(Duration warmUp, int latencyFrames, int clipFrames, int repeats, Duration capacityWindow,
            int maxStreams, Duration viewerWindow, Duration bitrateWindow) {
    }

    public static final Plan FULL = new Plan(Duration.ofSeconds(3), 600, 300, 3, Duration.ofSeconds(10), 8,
            Duration.ofSeconds(20), Duration.ofSeconds(20));
    public static final Plan QUICK = new Plan(Duration.ofSeconds(2), 120, 60, 1, Duration.ofSeconds(3), 2,
            Duration.ofSeconds(4), Duration.ofSeconds(4));

    private static final int[] VIEWERS = {1, 50};

    private ServerBenchmarks() {
    }

    public static String run(Plan plan) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("## The server (").append(LocalDate.now()).append(")\n\n");
        md.append(String.format("Machine: %d cores, %s %s, Java %s. Load average (1, 5, 15 min) at the start: %s;"
                + " each table gives it as its measurement ended.%n", Host.cores(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), Host.loadAverage()));
        latency(md, plan);
        throughput(md, plan);
        capacity(md, plan);
        viewers(md, plan);
        bitrate(md, plan);
        return md.toString();
    }

    private static void latency(StringBuilder md, Plan plan) throws Exception {
        md.append("\n### Per-frame latency: picture captured -> access unit written to the viewer's socket\n\n");
        md.append(String.format("lavfi testsrc2 paced at its frame rate, the real server (KvmServer), one TLS WebSocket"
                + " viewer on loopback; %d frames after %d s of warm-up. Decode: the received stream decoded"
                + " afterwards, one thread, per picture.%n%n", plan.latencyFrames(), plan.warmUp().toSeconds()));
        md.append("| stream | encoder | frames | delivered fps | units skipped | send - capture p50 | p99 | max"
                + " | receive - capture p50 | p99 | max | decode p50 | p99 | load |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (int[] stream : new int[][] {{1920, 1080}, {1280, 720}}) {
            PipelineLatencyBenchmark.Result r = PipelineLatencyBenchmark.measure(stream[0], stream[1], 60,
                    plan.warmUp(), plan.latencyFrames());
            md.append(String.format("| %dx%d@%d | %s | %d | %.1f | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.width(), r.height(), r.fps(), r.encoder(), r.frames(), r.deliveredFps(), r.gaps(),
                    r.captureToSend().ms(50), r.captureToSend().ms(99), ms(r.captureToSend().max()),
                    r.captureToReceive().ms(50), r.captureToReceive().ms(99), ms(r.captureToReceive().max()),
                    r.decode().ms(50), r.decode().ms(99), r.load()));
        }
    }

    private static void throughput(StringBuilder md, Plan plan) throws Exception {
        md.append("\n### Encoder throughput: our H264Encoder against the ffmpeg command line\n\n");
        md.append(String.format("The same raw yuv420p clip (%d frames of testsrc2 at 60 fps, made once with ffmpeg)"
                + " encoded by turns, %d times each, no pacing, by our encoder and by two ffmpeg programs with the"
                + " same settings: JavaCPP's, which loads the very libavcodec and x264 the server does (so only our"
                + " Java side differs), and this host's (another build of x264). ffmpeg's times are its own"
                + " -benchmark real and CPU times (from opening its input to the end; the process's start-up left"
                + " out); ours run from opening the encoder to closing it, with this JVM's CPU time. Ratios are of"
                + " medians.%n%n", plan.clipFrames(), plan.repeats()));
        md.append("| size | encoder | fps (each run) | CPU per frame (median) | ours / it: fps | ours / it: CPU |"
                + " output kbit/s | load |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        String command = "";
        StringBuilder settings = new StringBuilder();
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            EncoderThroughputBenchmark.Result r = EncoderThroughputBenchmark.measure(size[0], size[1], 60,
                    plan.clipFrames(), plan.repeats());
            EncoderThroughputBenchmark.Contender ours = r.ours();
            md.append(String.format("| %dx%d | ours (H264Encoder) | %s | %.2f ms | | | %.0f | %s |%n", r.width(),
                    r.height(), fps(ours.fps()), ours.medianCpu(), kbps(ours.bytes(), r.frames(), r.fps()), r.load()));
            for (EncoderThroughputBenchmark.Contender cli : r.commandLines()) {
                md.append(String.format("| %dx%d | %s | %s | %.2f ms | %.0f%% | %.0f%% | %.0f | |%n", r.width(),
                        r.height(), cli.name(), fps(cli.fps()), cli.medianCpu(), ours.medianFps() / cli.medianFps() * 100,
                        ours.medianCpu() / cli.medianCpu() * 100, kbps(cli.bytes(), r.frames(), r.fps())));
                settings.append(String.format("- %dx%d, %s: %s%n", r.width(), r.height(), cli.name(),
                        compare(ours, cli)));
            }
            command = r.command();
        }
        md.append("\nThe command line (1280x720; the 1080p one differs only in size; JavaCPP's ffmpeg is run by its"
                + " path):\n\n```\n").append(command).append("\n```\n\nThe settings x264 wrote into each stream"
                + " (its SEI), ours against each command line's, option by option:\n\n").append(settings);
    }

    private static void capacity(StringBuilder md, Plan plan) throws Exception {
        md.append("\n### Streams kept real-time\n\n");
        md.append(String.format("K machines, each a paced lavfi pattern (testsrc2, then testsrc, flipped differently per machine),"
                + " libx264 at the defaults, one viewer each (a ViewerQueue drained in the process); %d s per K"
                + " after %d s of warm-up; K grows until a stream delivers under %.0f%% of its rate or its capture ->"
                + " viewer p99 passes %d ms. Server CPU counts everything in the process, lavfi drawing the pictures"
                + " included.%n%n", plan.capacityWindow().toSeconds(), plan.warmUp().toSeconds(),
                StreamCapacityBenchmark.MIN_FPS_SHARE * 100, StreamCapacityBenchmark.MAX_P99_MICROS / 1000));
        md.append("| stream | K | lowest fps | worst p50 | worst p99 | server CPU (% of one core) | units dropped |"
                + " real-time | load |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        StringBuilder summary = new StringBuilder();
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            StreamCapacityBenchmark.Result r = StreamCapacityBenchmark.measure(size[0], size[1], 30, plan.warmUp(),
                    plan.capacityWindow(), plan.maxStreams());
            for (StreamCapacityBenchmark.Step step : r.steps()) {
                md.append(String.format("| %dx%d@%d | %d | %.1f | %s | %s | %.0f%% | %d | %s | %s |%n", r.width(),
                        r.height(), r.fps(), step.streams(), step.minFps(), ms(step.worstP50Micros()),
                        ms(step.worstP99Micros()), step.cpuPercentOfOneCore(), step.dropped(),
                        step.realTime(r.fps()) ? "yes" : "no", step.load()));
            }
            summary.append(String.format("%s%dx%d@%d: %d", summary.length() == 0 ? "" : ", ", r.width(), r.height(),
                    r.fps(), r.realTimeStreams()));
        }
        md.append("\nStreams kept real-time on this host: ").append(summary).append(".\n");
    }

    private static void viewers(StringBuilder md, Plan plan) throws Exception {
        md.append("\n### What viewers cost: one 1280x720@30 stream, 1 viewer against 50\n\n");
        md.append(String.format("Through the real API: TLS WebSockets on loopback, the viewers in a child JVM (their"
                + " decryption is not counted); the server process's CPU time over %d s after %d s of warm-up.%n%n",
                plan.viewerWindow().toSeconds(), plan.warmUp().toSeconds()));
        md.append("| viewers | server CPU (% of one core) | of which the API's socket threads | video sent |"
                + " viewers saw | load |\n");
        md.append("| ---: | ---: | ---: | ---: | --- | --- |\n");
        List<ViewerCostBenchmark.Load> loads = ViewerCostBenchmark.measure(1280, 720, 30, VIEWERS, plan.warmUp(),
                plan.viewerWindow());
        for (ViewerCostBenchmark.Load load : loads) {
            md.append(String.format("| %d | %.1f%% | %.1f%% | %.2f MB/s | %s | %s |%n", load.viewers(),
                    load.cpuPercentOfOneCore(), load.socketThreadsPercent(), load.bytesPerSecond() / 1e6, load.fleet(),
                    load.load()));
        }
        ViewerCostBenchmark.Load one = loads.get(0);
        ViewerCostBenchmark.Load many = loads.get(loads.size() - 1);
        int added = many.viewers() - one.viewers();
        md.append(String.format("%nEach viewer past the first: %.2f%% of one core by the whole process, %.2f%% by the"
                + " socket threads; %.0f kB/s.%n", (many.cpuPercentOfOneCore() - one.cpuPercentOfOneCore()) / added,
                (many.socketThreadsPercent() - one.socketThreadsPercent()) / added,
                (many.bytesPerSecond() - one.bytesPerSecond()) / added / 1e3));
    }

    private static void bitrate(StringBuilder md, Plan plan) throws Exception {
        md.append("\n### Bitrate: a static screen against a moving picture\n\n");
        EncoderSettings defaults = EncoderSettings.DEFAULTS;
        md.append(String.format("%dx%d at 30 fps, the default encoder settings (%d kbit/s cap, a keyframe every %d"
                + " frames, %s), one viewer, %d s after %d s of warm-up.%n%n", StaticScreenBitrateBenchmark.WIDTH,
                StaticScreenBitrateBenchmark.HEIGHT, defaults.bitrateKbps(), defaults.gopFrames(), defaults.preset(),
                plan.bitrateWindow().toSeconds(), plan.warmUp().toSeconds()));
        md.append("| screen | encoder | kbit/s | keyframes' share of the bytes | fps |\n");
        md.append("| --- | --- | ---: | ---: | ---: |\n");
        for (StaticScreenBitrateBenchmark.Result r : StaticScreenBitrateBenchmark.measure(30, plan.warmUp(),
                plan.bitrateWindow())) {
            md.append(String.format("| %s | %s | %.0f | %.0f%% | %.1f |%n", r.screen(), r.encoder(), r.kbps(),
                    r.keyframeShare() * 100, r.fps()));
        }
    }

    private static String compare(EncoderThroughputBenchmark.Contender ours, EncoderThroughputBenchmark.Contender cli) {
        if (ours.settings().isEmpty() || cli.settings().isEmpty()) {
            return "an x264 settings SEI is missing (ours: " + ours.settings().isPresent() + ", ffmpeg's: "
                    + cli.settings().isPresent() + ")";
        }
        X264Settings mine = ours.settings().get();
        X264Settings theirs = cli.settings().get();
        List<String> differences = mine.differences(theirs);
        return "x264 " + theirs.core() + " there, " + mine.core() + " here; " + (differences.isEmpty()
                ? "all " + mine.options().size() + " options identical"
                : differences.size() + " of " + mine.options().size() + " options differ (ours vs ffmpeg's): "
                        + String.join("; ", differences));
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1e3);
    }

    private static String fps(double[] runs) {
        return Arrays.stream(runs).mapToObj(v -> String.format("%.1f", v)).collect(Collectors.joining(", "));
    }

    private static double kbps(long bytes, int frames, int fps) {
        return bytes * 8.0 / frames * fps / 1000;
    }
}
