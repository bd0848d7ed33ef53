package org.skvmoip.bench.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.stream.VideoPipelines;

/**
 * How many streams the server keeps real-time on this host: K machines, each a paced lavfi test
 * pattern (a different picture per machine) with one in-process viewer, measured together for a
 * window; K grows until a stream delivers under {@link #MIN_FPS_SHARE} of its frame rate or its
 * capture-to-viewer p99 passes {@link #MAX_P99_MICROS}. The capture (lavfi draws each picture)
 * runs in the server's process, as decoding a capture card's MJPEG would.
 */
final class StreamCapacityBenchmark {

    static final double MIN_FPS_SHARE = 0.97;
    static final long MAX_P99_MICROS = 100_000;

    /** What K streams did together: the worst stream's rate and latency, the server's CPU. */
    record Step(int streams, double minFps, long worstP99Micros, long worstP50Micros, double cpuPercentOfOneCore,
            long dropped, String load) {

        boolean realTime(int fps) {
            return minFps >= MIN_FPS_SHARE * fps && worstP99Micros <= MAX_P99_MICROS;
        }
    }

    record Result(int width, int height, int fps, List<Step> steps) {

        /** The most streams that kept real-time. */
        int realTimeStreams() {
            return steps.stream().filter(step -> step.realTime(fps)).mapToInt(Step::streams).max().orElse(0);
        }
    }

    private StreamCapacityBenchmark() {
    }

    static Result measure(int width, int height, int fps, Duration warmUp, Duration window, int maxStreams)
            throws Exception {
        List<Step> steps = new ArrayList<>();
        for (int streams = 1; streams <= maxStreams; streams++) {
            Step step = measureStep(width, height, fps, streams, warmUp, window);
            steps.add(step);
            if (!step.realTime(fps)) {
                break;
            }
        }
        return new Result(width, height, fps, steps);
    }

    private static Step measureStep(int width, int height, int fps, int streams, Duration warmUp, Duration window)
            throws Exception {
        List<MachineConfig> machines = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            machines.add(Sources.lavfi("stream-" + i, pattern(i, width, height, fps), fps));
        }
        List<QueueViewer> viewers = new ArrayList<>();
        try (VideoPipelines video = new VideoPipelines(machines)) {
            for (MachineConfig machine : machines) {
                viewers.add(new QueueViewer(video, machine.name()));
            }
            Thread.sleep(warmUp.toMillis());
            viewers.forEach(QueueViewer::startRecording);
            long cpuBefore = Host.processCpuNanos();
            long started = System.nanoTime();
            Thread.sleep(window.toMillis());
            viewers.forEach(QueueViewer::stopRecording);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (Host.processCpuNanos() - cpuBefore) / 1e9 / seconds * 100;
            double minFps = Double.MAX_VALUE;
            long worstP99 = 0;
            long worstP50 = 0;
            long dropped = 0;
            for (QueueViewer viewer : viewers) {
                minFps = Math.min(minFps, viewer.fps(seconds));
                worstP99 = Math.max(worstP99, viewer.captureToTaken().p(99));
                worstP50 = Math.max(worstP50, viewer.captureToTaken().p(50));
                dropped += viewer.dropped();
            }
            return new Step(streams, minFps, worstP99, worstP50, cpu, dropped, Host.loadAverage());
        } finally {
            for (QueueViewer viewer : viewers) {
                viewer.close();
            }
        }
    }

    /**
     * A different picture per machine at the same cost: FFmpeg's two moving test patterns, each
     * as drawn, flipped vertically (free: FFmpeg only turns the line order) or horizontally.
     */
    static String pattern(int machine, int width, int height, int fps) {
        String[] generators = {"testsrc2", "testsrc"};
        String[] flips = {"", ",vflip", ",hflip", ",hflip,vflip"};
        String generator = generators[(machine / flips.length) % generators.length];
        return generator + "=size=" + width + "x" + height + ":rate=" + fps + flips[machine % flips.length];
    }
}
