package org.skvmoip.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.server.stream.StreamMode;
import org.skvmoip.server.testrig.ServerRig;

/**
 * A thousand viewers come and go through the API's video socket (TLS, WebSocket upgrade,
 * subscription, forced keyframe, first access unit, close) while one viewer keeps watching:
 * afterwards the server has the threads, sockets, native memory and viewers it had before.
 * (Pipelines starting and stopping a thousand times is ViewerChurnTest's part.)
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ViewerChurnEndToEndTest {

    private static final int VIEWERS = 1000;
    private static final int AT_ONCE = 20;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aThousandViewersJoiningAndLeavingLeaveNothingBehind() throws Exception {
        String lavfi = "  - name: pattern\n    source: \"testsrc2=size=320x240:rate=60\"\n"
                + "    input-format: lavfi\n    fps: 60\n";
        try (ServerRig rig = ServerRig.start(dir, 0, lavfi)) {
            String token = rig.login();
            try (VideoSocketViewer anchor = viewer(rig, token)) {
                anchor.awaitUnits(1, WAIT);
                // One round first, so lazily started pools (TLS, HTTP client, workers) count as before.
                churn(rig, token, AT_ONCE);
                Footprint before = Footprint.now(rig);

                churn(rig, token, VIEWERS);

                Footprint after = Footprint.settled(rig, before);
                assertThat(after.viewers).as("viewers of the machine").isEqualTo(1);
                assertThat(after.connections).as("open API connections").isLessThanOrEqualTo(before.connections);
                assertThat(after.fileDescriptors).as("open file descriptors (sockets)")
                        .isLessThanOrEqualTo(before.fileDescriptors + 2);
                assertThat(after.threads).as("live threads").isLessThanOrEqualTo(before.threads + 2);
                assertThat(after.javacppBytes).as("native memory JavaCPP tracks")
                        .isLessThanOrEqualTo(before.javacppBytes + (4L << 20));
                assertThat(anchor.gaps()).as("the watching viewer lost nothing").isZero();
            }
        }
    }

    private static void churn(ServerRig rig, String token, int count) throws Exception {
        for (int done = 0; done < count; done += AT_ONCE) {
            List<VideoSocketViewer> round = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                round.add(viewer(rig, token));
            }
            for (VideoSocketViewer viewer : round) {
                viewer.awaitUnits(1, WAIT);
                assertThat(viewer.firstWasKeyframe()).isTrue();
                viewer.close();
            }
        }
    }

    private static VideoSocketViewer viewer(ServerRig rig, String token) {
        return new VideoSocketViewer(rig.http, rig.wsUri("/api/machines/pattern/video"), token, true);
    }

    /** What the server holds now. */
    private record Footprint(int viewers, int connections, long fileDescriptors, int threads, long javacppBytes) {

        static Footprint now(ServerRig rig) throws IOException {
            int viewers = rig.server.video().stats("pattern", StreamMode.FULL).viewers();
            long fds;
            try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
                fds = open.count();
            }
            return new Footprint(viewers, rig.server.api().connections(), fds, Thread.activeCount(),
                    Pointer.totalBytes());
        }

        /** Closing connections finish asynchronously: wait (bounded) until the server is back where it was. */
        static Footprint settled(ServerRig rig, Footprint before) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            Footprint now = now(rig);
            while (System.nanoTime() < deadline && (now.viewers != 1 || now.connections > before.connections
                    || now.fileDescriptors > before.fileDescriptors + 2 || now.threads > before.threads + 2)) {
                Thread.sleep(100);
                now = now(rig);
            }
            return now;
        }
    }
}
