package org.skvmoip.bench.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.stream.VideoPipelines;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.machine.PowerState;
import org.skvmoip.sim.machine.VirtualTarget;

/**
 * The bitrate a screen costs with the server's default encoder settings: a simulated machine,
 * powered on and left alone (its text console: a banner and a prompt on a plain background, the
 * picture a BIOS setup page or an idle login screen gives the encoder), against FFmpeg's moving
 * test pattern at the same size and rate. Each is measured alone, one viewer, over a window.
 */
final class StaticScreenBitrateBenchmark {

    /** The simulated machine's screen size (ScreenLayout). */
    static final int WIDTH = 1024;
    static final int HEIGHT = 768;

    record Result(String screen, double kbps, double keyframeShare, double fps, String encoder) {
    }

    private StaticScreenBitrateBenchmark() {
    }

    static List<Result> measure(int fps, Duration warmUp, Duration window) throws Exception {
        List<Result> results = new ArrayList<>();
        try (SimulatedModule machine = new SimulatedModule(0, -1).withVideo(fps).start()) {
            powerOn(machine.target());
            results.add(measure("static text screen (simulated machine, powered on, idle)",
                    Sources.mjpeg("idle-console", machine.videoUrl(), fps), warmUp, window));
        }
        results.add(measure("moving picture (testsrc2)", Sources.testPattern("moving", WIDTH, HEIGHT, fps), warmUp,
                window));
        return results;
    }

    /** Presses the power button as the front panel would, then waits for the OS console. */
    private static void powerOn(VirtualTarget target) throws InterruptedException {
        target.powerButtonLine().drive(true);
        Thread.sleep(VirtualTarget.PRESS_MIN_MILLIS * 2L);
        target.powerButtonLine().drive(false);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (target.state() != PowerState.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the simulated machine did not boot: " + target.state());
            }
            Thread.sleep(20);
        }
    }

    private static Result measure(String screen, MachineConfig machine, Duration warmUp, Duration window)
            throws Exception {
        try (VideoPipelines video = new VideoPipelines(List.of(machine));
                QueueViewer viewer = new QueueViewer(video, machine.name())) {
            Thread.sleep(warmUp.toMillis());
            viewer.startRecording();
            long started = System.nanoTime();
            Thread.sleep(window.toMillis());
            viewer.stopRecording();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(screen, viewer.bytes() * 8 / seconds / 1000,
                    viewer.bytes() == 0 ? 0 : (double) viewer.keyframeBytes() / viewer.bytes(), viewer.fps(seconds),
                    video.stats().get(0).encoder());
        }
    }
}
