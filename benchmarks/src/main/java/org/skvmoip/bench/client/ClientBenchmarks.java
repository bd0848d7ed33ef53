package org.skvmoip.bench.client;

import java.time.Duration;
import java.time.LocalDate;

import org.skvmoip.bench.server.Host;
import org.skvmoip.bench.server.Samples;

/**
 * The client's benchmarks (issue 5), printed as the markdown that goes into BENCHMARKS.md:
 * decode + draw at 1080p60, end-to-end latency read back from a stamp on the target's screen,
 * and keystroke -> pixel.
 */
public final class ClientBenchmarks {

    /** How long each measurement runs; {@link #QUICK} is for trying them out, not for numbers. */
    public record Plan(int decodeFrames, Duration warmUp, int latencyFrames, int keystrokes) {
    }

    public static final Plan FULL = new Plan(600, Duration.ofSeconds(3), 300, 40);
    public static final Plan QUICK = new Plan(120, Duration.ofSeconds(1), 30, 5);

    private ClientBenchmarks() {
    }

    public static String run(Plan plan) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("## The client (").append(LocalDate.now()).append(")\n\n");
        md.append(String.format("Machine: %d cores, %s %s, Java %s. Load average (1, 5, 15 min) at the start: %s;"
                + " each table gives it as its measurement ended.%n", Host.cores(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), Host.loadAverage()));
        decodeDraw(md, plan);
        try (LatencyBenchmarks latency = LatencyBenchmarks.start()) {
            endToEnd(md, latency.endToEnd(plan.warmUp(), plan.latencyFrames()));
            keystrokes(md, latency.keystrokes(plan.keystrokes()));
        }
        return md.toString();
    }

    private static void decodeDraw(StringBuilder md, Plan plan) throws Exception {
        DecodeDrawBenchmark.Result r = DecodeDrawBenchmark.measure(plan.decodeFrames());
        md.append("\n### Decode + draw: 1920x1080@60 H.264, software decoder\n\n");
        md.append(String.format("%d units of testsrc2 made by the ffmpeg command line (libx264 at the server's default"
                + " preset and bitrate, zerolatency), one picture at a time through the client's VideoDecoder (%s):"
                + " decode + conversion to BGRA on its thread, then %s. fps: pictures / wall time, one at a time"
                + " (no overlap of decode and copy).%n%n", r.frames(), r.decoder(), r.drawn()
                ? "the copy into the JavaFX PixelBuffer of a WritableImage shown in a window (on the FX thread, under"
                        + " Xvfb: the render pulse's upload is not in the copy's time)"
                : "no copy into JavaFX (no DISPLAY: run under xvfb-run for that part)"));
        md.append("| fps | decode + BGRA p50 | p99 | copy into the image p50 | p99 | whole picture p50 | p99 | max"
                + " | load |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        md.append(String.format("| %.1f | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.fps(), r.decode().ms(50),
                r.decode().ms(99), r.drawn() ? r.copy().ms(50) : "-", r.drawn() ? r.copy().ms(99) : "-",
                r.total().ms(50), r.total().ms(99), ms(r.total().max()), Host.loadAverage()));
    }

    private static void endToEnd(StringBuilder md, LatencyBenchmarks.EndToEnd r) {
        md.append("\n### End-to-end latency in the demo setup: stamp drawn on the target's screen -> read in the"
                + " client's decoded picture\n\n");
        md.append(String.format("The simulated machine draws the wall-clock millisecond as black/white blocks"
                + " (simulator's ScreenClock) each time its screen is rendered; its MJPEG server (15 fps, as in the"
                + " demo) renders and JPEG-encodes a picture per frame interval; the real server captures it with FFmpeg,"
                + " encodes it (libx264 ultrafast, the rig's settings) and sends it over a TLS WebSocket; the client's"
                + " VideoDecoder decodes it and the stamp is read from the BGRA picture when the screen thread takes"
                + " it. One process, one clock. %d pictures (%d more had an unreadable stamp).%n%n", r.frames(),
                r.unreadable()));
        md.append("| part | p50 | p99 | max |\n| --- | ---: | ---: | ---: |\n");
        row(md, "drawn -> server's capture stamp (render, JPEG, MJPEG over HTTP, FFmpeg demux + JPEG decode)",
                r.inSource());
        row(md, "server's capture stamp -> picture taken by the client (encode, TLS WebSocket, decode, BGRA)",
                r.serverToClient());
        row(md, "**drawn -> picture taken by the client**", r.total());
        md.append("\nLoad at the end: ").append(r.load()).append(".\n");
    }

    private static void keystrokes(StringBuilder md, LatencyBenchmarks.Keystrokes r) {
        md.append("\n### Keystroke -> pixel\n\n");
        md.append(String.format("The client's InputChannel claims the machine, then sends a keyboard state with one"
                + " letter and an empty one; the time runs from sending the press until the screen thread takes a"
                + " decoded picture in which ScreenTextReader reads the letter at its place on the console. %d keys,"
                + " 150-250 ms apart (so presses fall anywhere in the 66.7 ms frame interval).%n%n", r.keys()));
        md.append("| keys | p50 | p99 | max | load |\n| ---: | ---: | ---: | ---: | --- |\n");
        md.append(String.format("| %d | %s | %s | %s | %s |%n", r.keys(), r.toPixel().ms(50), r.toPixel().ms(99),
                ms(r.toPixel().max()), r.load()));
    }

    private static void row(StringBuilder md, String part, Samples samples) {
        md.append(String.format("| %s | %s | %s | %s |%n", part, samples.ms(50), samples.ms(99), ms(samples.max())));
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1e3);
    }
}
