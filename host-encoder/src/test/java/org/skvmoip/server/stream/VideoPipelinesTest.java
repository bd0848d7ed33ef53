package org.skvmoip.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.server.capture.NoSignalPicture;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.testutil.DecodingViewer;
import org.skvmoip.server.testutil.H264TestDecoder;
import org.skvmoip.server.testutil.Pictures;
import org.skvmoip.server.testutil.TestSources;

/** The video service over FFmpeg's test pattern: joins, keyframes, thumbnails, snapshots, statistics. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VideoPipelinesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough that a keyframe seen in a test was forced, not scheduled. */
    private static final int LONG_GOP = 3000;
    private static final MachineConfig PATTERN = TestSources.withEncoder(TestSources.testPattern("pattern", 320, 240, 30),
            new EncoderSettings("libx264", 1000, LONG_GOP, "superfast"));
    private static final MachineConfig WIDE = TestSources.testPattern("wide", 640, 360, 30);

    private final VideoPipelines video = new VideoPipelines(List.of(PATTERN, WIDE));

    @AfterEach
    void close() {
        video.close();
    }

    @Test
    void givenANewViewerWhenItReceivesThenItsFirstUnitIsAKeyframeThatDecodesAlone() throws Exception {
        ViewerQueue viewer = video.subscribe("pattern", StreamMode.FULL);

        AccessUnit first = awaitUnit(viewer);

        assertThat(first.keyframe()).isTrue();
        List<BufferedImage> pictures = H264TestDecoder.decodeAll(List.of(first));
        assertThat(pictures).singleElement().satisfies(picture -> {
            assertThat(picture.getWidth()).isEqualTo(320);
            assertThat(picture.getHeight()).isEqualTo(240);
        });
    }

    @Test
    void givenAStreamWithViewersWhenAnotherJoinsThenItGetsAKeyframeAtOnceNotAtTheNextScheduledOne() throws Exception {
        try (DecodingViewer watching = new DecodingViewer(video.subscribe("pattern", StreamMode.FULL))) {
            watching.awaitUnits(20, WAIT);

            ViewerQueue joining = video.subscribe("pattern", StreamMode.FULL);
            AccessUnit first = awaitUnit(joining);

            assertThat(first.keyframe()).isTrue();
            assertThat(first.sequence()).isBetween(20L, (long) LONG_GOP - 1);
            assertThat(H264TestDecoder.decodeAll(List.of(first))).hasSize(1);
        }
    }

    @Test
    void givenABurstOfViewersJoiningThenTheyShareKeyframesInsteadOfForcingOneEach() throws Exception {
        int joiners = 20;
        // Joins a little more than a frame apart (30 fps): each would otherwise get its own keyframe.
        final long JOIN_SPACING_MILLIS = 40;
        try (DecodingViewer watching = new DecodingViewer(video.subscribe("pattern", StreamMode.FULL))) {
            watching.awaitUnits(10, WAIT);
            int unitsBefore = watching.received().size();
            long start = System.nanoTime();

            List<ViewerQueue> joined = new ArrayList<>();
            for (int i = 0; i < joiners; i++) {
                joined.add(video.subscribe("pattern", StreamMode.FULL));
                Thread.sleep(JOIN_SPACING_MILLIS);
            }
            for (ViewerQueue viewer : joined) {
                assertThat(awaitUnit(viewer).keyframe()).isTrue();
            }
            long elapsed = System.nanoTime() - start;
            watching.awaitUnits(1, WAIT);
            assertThat(watching.queue().dropped()).as("the watching viewer kept up").isZero();
            List<AccessUnit> during = watching.received().subList(unitsBefore, watching.received().size());

            // One forced keyframe per join interval at most, whatever this machine's speed; one per
            // joiner (the behaviour this replaces) would be 20.
            long allowed = 1 + elapsed / MachinePipeline.JOIN_KEYFRAME_INTERVAL_NANOS + 1;
            assertThat(during.stream().filter(AccessUnit::keyframe).count()).isLessThanOrEqualTo(allowed)
                    .isLessThan(joiners);
            joined.forEach(video::unsubscribe);
        }
    }

    @Test
    void givenAFastAndASlowViewerWhenTheSlowOneNeverPollsThenItDropsToKeyframesWhileTheFastOneGetsEveryUnit()
            throws Exception {
        try (DecodingViewer fast = new DecodingViewer(video.subscribe("pattern", StreamMode.FULL))) {
            ViewerQueue slow = video.subscribe("pattern", StreamMode.FULL);

            fast.awaitPicture("the slow viewer dropping and then receiving a keyframe again",
                    picture -> slow.dropped() > 0 && slow.size() > 0 && slow.size() < ViewerQueue.DEFAULT_MAX_UNITS,
                    WAIT);

            List<AccessUnit> slowUnits = drain(slow);
            assertThat(slowUnits.get(0).keyframe()).isTrue();
            assertThat(slowUnits.get(0).sequence()).isLessThan(LONG_GOP);
            assertThat(H264TestDecoder.decodeAll(slowUnits)).hasSameSizeAs(slowUnits);
            List<AccessUnit> fastUnits = fast.received();
            for (int i = 1; i < fastUnits.size(); i++) {
                assertThat(fastUnits.get(i).sequence()).isEqualTo(fastUnits.get(i - 1).sequence() + 1);
            }
            assertThat(fastUnits.get(fastUnits.size() - 1).sequence()).isGreaterThan(ViewerQueue.DEFAULT_MAX_UNITS);
        }
    }

    @Test
    void givenAThumbnailViewerThenPicturesAre320WideWithTheSourceAspectRatio() throws Exception {
        try (DecodingViewer thumbnail = new DecodingViewer(video.subscribe("wide", StreamMode.THUMBNAIL))) {
            BufferedImage picture = thumbnail.awaitPicture("a picture", any -> true, WAIT);

            assertThat(picture.getWidth()).isEqualTo(320);
            assertThat(picture.getHeight()).isEqualTo(180);
            assertThat(video.stats("wide", StreamMode.THUMBNAIL).bytesEncoded()).isPositive();
        }
    }

    @Test
    void givenFullAndThumbnailViewersOfOneMachineThenOneCaptureServesBoth() throws Exception {
        try (DecodingViewer full = new DecodingViewer(video.subscribe("wide", StreamMode.FULL));
                DecodingViewer thumbnail = new DecodingViewer(video.subscribe("wide", StreamMode.THUMBNAIL))) {
            assertThat(full.awaitPicture("a picture", any -> true, WAIT).getWidth()).isEqualTo(640);
            assertThat(thumbnail.awaitPicture("a picture", any -> true, WAIT).getWidth()).isEqualTo(320);

            assertThat(threadsNamed("capture-wide")).isEqualTo(1);
            assertThat(threadsNamed("encode-wide-")).isEqualTo(2);
        }
    }

    @Test
    void givenNoViewerWhenASnapshotIsTakenThenItIsAPngOfTheSourceAndNothingKeepsRunning() throws Exception {
        byte[] png = video.snapshot("wide", ImageFormat.PNG, WAIT);

        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(360);
        assertThat(Pictures.meanDifference(picture, NoSignalPicture.render("wide", 640, 360))).isGreaterThan(20);
        assertThat(threadsNamed("capture-wide")).isZero();
        assertThat(video.stats("wide", StreamMode.FULL).running()).isFalse();
    }

    @Test
    void givenARunningStreamWhenAJpegSnapshotIsTakenThenItIsTheCapturedPicture() throws Exception {
        try (DecodingViewer viewer = new DecodingViewer(video.subscribe("wide", StreamMode.FULL))) {
            viewer.awaitPicture("a picture", any -> true, WAIT);

            byte[] jpeg = video.snapshot("wide", ImageFormat.JPEG, WAIT);

            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(picture.getWidth()).isEqualTo(640);
            assertThat(Pictures.meanDifference(picture, NoSignalPicture.render("wide", 640, 360))).isGreaterThan(20);
            assertThat(threadsNamed("capture-wide")).isEqualTo(1);
        }
    }

    @Test
    void givenAStreamWhenItRunsThenItsStatisticsShowEncoderSizeAndWorkAndWhenItStopsTheyShowItStopped()
            throws Exception {
        ViewerQueue viewer = video.subscribe("pattern", StreamMode.FULL);
        try (DecodingViewer decoding = new DecodingViewer(viewer)) {
            decoding.awaitUnits(10, WAIT);
        }

        StreamStats running = video.stats().get(0);
        video.unsubscribe(viewer);
        StreamStats stopped = video.stats().get(0);

        assertThat(running.machine()).isEqualTo("pattern");
        assertThat(running.running()).isTrue();
        assertThat(running.signal()).isTrue();
        assertThat(running.viewers()).isEqualTo(1);
        assertThat(running.encoder()).isEqualTo("libx264");
        assertThat(running.width()).isEqualTo(320);
        assertThat(running.height()).isEqualTo(240);
        assertThat(running.framesEncoded()).isGreaterThanOrEqualTo(10);
        assertThat(running.encodeNanosTotal()).isPositive();
        assertThat(running.meanEncodeMillis()).isPositive();
        assertThat(running.bytesEncoded()).isPositive();
        assertThat(running.encodeFps()).isPositive();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.viewers()).isZero();
        assertThat(stopped.encoder()).isEmpty();
        assertThat(stopped.framesEncoded()).isGreaterThanOrEqualTo(running.framesEncoded());
        assertThat(viewer.isClosed()).isTrue();
        assertThat(video.stats()).extracting(StreamStats::machine).containsExactly("pattern", "wide");
    }

    @Test
    void givenAMachineNotInTheInventoryWhenSubscribingThenTheErrorNamesIt() {
        assertThatThrownBy(() -> video.subscribe("nosuch", StreamMode.FULL))
                .isInstanceOf(UnknownMachineException.class)
                .hasMessageContaining("'nosuch'");
    }

    @Test
    void givenAViewerWhenUnsubscribedTwiceThenTheSecondTimeDoesNothing() throws Exception {
        ViewerQueue viewer = video.subscribe("pattern", StreamMode.FULL);
        awaitUnit(viewer);

        video.unsubscribe(viewer);
        video.unsubscribe(viewer);

        assertThat(threadsNamed("encode-pattern-")).isZero();
        assertThat(threadsNamed("capture-pattern")).isZero();
    }

    static AccessUnit awaitUnit(ViewerQueue viewer) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (AccessUnit unit = viewer.poll(); ; unit = viewer.poll()) {
            if (unit != null) {
                return unit;
            }
            assertThat(System.nanoTime() - deadline).as("a unit within %s", WAIT).isNegative();
            Thread.sleep(5);
        }
    }

    static List<AccessUnit> drain(ViewerQueue viewer) {
        List<AccessUnit> units = new ArrayList<>();
        for (AccessUnit unit = viewer.poll(); unit != null; unit = viewer.poll()) {
            units.add(unit);
        }
        return units;
    }

    static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
                .count();
    }
}
