package org.skvmoip.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.protocol.Power;
import org.skvmoip.server.capture.NoSignalPicture;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.testutil.DecodingViewer;
import org.skvmoip.server.testutil.Pictures;
import org.skvmoip.server.testutil.TestSources;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.board.SystemClock;
import org.skvmoip.sim.control.ControlClient;
import org.skvmoip.sim.machine.PowerState;
import org.skvmoip.sim.machine.ScreenLayout;
import org.skvmoip.sim.machine.ScreenTextReader;
import org.skvmoip.sim.machine.VirtualTarget;
import org.skvmoip.sim.video.MjpegServer;

/**
 * A simulated machine's screen, served as MJPEG the way a capture device's picture arrives,
 * through capture, H.264 and a viewer's decoder: the text on it must still read back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedScreenTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int MJPEG_FPS = 10;
    /** HID usage of 'a' (HID Usage Tables, keyboard page 0x07); the alphabet follows in order. */
    private static final int USAGE_A = 0x04;

    private VideoPipelines video;

    @AfterEach
    void close() {
        if (video != null) {
            video.close();
        }
    }

    @Test
    void givenASimulatedMachineWithTextOnItsConsoleWhenWatchedThenTheDecodedVideoShowsTheText() throws Exception {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 0x5A);
        try (SimulatedModule module = new SimulatedModule(0, -1).adopt(secret).withVideo(MJPEG_FPS).start();
                ControlClient control = ControlClient.connect(module::controlPort).authenticate(secret)) {
            control.power(Power.SHORT_PRESS);
            awaitRunning(module.target());
            type(module.target(), "video");
            video = new VideoPipelines(List.of(TestSources.mjpeg("sim-0", module.videoUrl(), MJPEG_FPS)));

            try (DecodingViewer viewer = new DecodingViewer(video.subscribe("sim-0", StreamMode.FULL))) {
                BufferedImage picture = viewer.awaitPicture("the typed text", shows("> video"), WAIT);

                assertThat(picture.getWidth()).isEqualTo(ScreenLayout.WIDTH);
                assertThat(picture.getHeight()).isEqualTo(ScreenLayout.HEIGHT);
                assertThat(viewer.received().get(0).keyframe()).isTrue();
            }
        }
    }

    @Test
    void givenAWatchedSourceWhenItVanishesThenViewersSeeNoSignalAndWhenItReturnsTheySeeTheScreenAgain()
            throws Exception {
        VirtualTarget target = new VirtualTarget(SystemClock.INSTANCE);
        pressPower(target);
        awaitRunning(target);
        type(target, "back");
        MjpegServer server = new MjpegServer(target, 0, MJPEG_FPS);
        int port = server.port();
        MachineConfig machine = TestSources.mjpeg("flaky", server.streamUri().toString(), MJPEG_FPS);
        video = new VideoPipelines(List.of(machine));
        BufferedImage noSignal = NoSignalPicture.render("flaky", ScreenLayout.WIDTH, ScreenLayout.HEIGHT);

        try (DecodingViewer viewer = new DecodingViewer(video.subscribe("flaky", StreamMode.FULL))) {
            viewer.awaitPicture("the screen", shows("> back"), WAIT);
            assertThat(video.stats().get(0).signal()).isTrue();

            server.close();
            viewer.awaitPicture("no signal", picture -> Pictures.meanDifference(picture, noSignal) < 6, WAIT);
            assertThat(video.stats().get(0).signal()).isFalse();

            server = new MjpegServer(target, port, MJPEG_FPS);
            viewer.awaitPicture("the screen again", shows("> back"), WAIT);
            assertThat(video.stats().get(0).signal()).isTrue();
        } finally {
            server.close();
        }
    }

    private static Predicate<BufferedImage> shows(String text) {
        return picture -> picture.getWidth() == ScreenLayout.WIDTH && ScreenTextReader.readText(picture).contains(text);
    }

    private static void pressPower(VirtualTarget target) throws InterruptedException {
        target.powerButtonLine().drive(true);
        Thread.sleep(VirtualTarget.PRESS_MIN_MILLIS * 2L);
        target.powerButtonLine().drive(false);
    }

    private static void awaitRunning(VirtualTarget target) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (target.state() != PowerState.RUNNING) {
            assertThat(System.nanoTime() - deadline).as("the target to boot, is %s", target.state()).isNegative();
            Thread.sleep(20);
        }
    }

    /** Types lower-case letters straight into the target's keyboard, as its USB host would. */
    private static void type(VirtualTarget target, String letters) {
        for (char letter : letters.toCharArray()) {
            target.keyDown(USAGE_A + letter - 'a');
            target.keyUp(USAGE_A + letter - 'a');
        }
        assertThat(target.consoleText()).contains("> " + letters);
    }
}
