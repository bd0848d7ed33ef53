package org.skvmoip.server.stream;

import java.time.Duration;
import java.util.List;

import org.bytedeco.javacpp.Pointer;
import org.skvmoip.server.testutil.TestSources;

/**
 * The viewer churn of {@link ViewerChurnTest}, run in a JVM of its own so that the process's
 * resident size moves only with native memory that stays allocated (see the test). Prints one
 * line: {@code threads-before threads-after our-threads-after resident-before resident-after
 * javacpp-before javacpp-after}.
 */
public final class ViewerChurn {

    private ViewerChurn() {
    }

    public static void main(String[] args) throws Exception {
        int warmUp = Integer.parseInt(args[0]);
        int cycles = Integer.parseInt(args[1]);
        try (VideoPipelines video = new VideoPipelines(List.of(TestSources.testPattern("churn", 320, 240, 30)))) {
            cycles(video, warmUp);
            int threadsBefore = Thread.activeCount();
            long residentBefore = settledResidentBytes();
            long javacppBefore = Pointer.totalBytes();

            cycles(video, cycles);

            long residentAfter = settledResidentBytes();
            long ours = VideoPipelinesTest.threadsNamed("capture-") + VideoPipelinesTest.threadsNamed("encode-");
            System.out.println("churn " + threadsBefore + " " + Thread.activeCount() + " " + ours + " " + residentBefore
                    + " " + residentAfter + " " + javacppBefore + " " + Pointer.totalBytes());
        }
    }

    /** Joins, waits for the first unit, leaves; thumbnails every other time, a snapshot now and then. */
    private static void cycles(VideoPipelines video, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            ViewerQueue viewer = video.subscribe("churn", i % 2 == 0 ? StreamMode.FULL : StreamMode.THUMBNAIL);
            if (!VideoPipelinesTest.awaitUnit(viewer).keyframe()) {
                throw new AssertionError("cycle " + i + ": the first unit was not a keyframe");
            }
            video.unsubscribe(viewer);
            if (i % 100 == 99) {
                video.snapshot("churn", ImageFormat.PNG, Duration.ofSeconds(10));
            }
        }
    }

    private static long settledResidentBytes() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return Pointer.physicalBytes();
    }
}
