package org.skvmoip.bench.server;

import java.time.Duration;
import java.util.List;

import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.stream.StreamStats;

/**
 * Per-frame latency through the whole server: a lavfi test pattern played at its frame rate
 * (the capture stamps each picture when it is due, as a capture card delivers it), the machine's
 * pipeline (scale, libx264), the viewer's queue, the API's TLS WebSocket, to a viewer over
 * loopback. The video header carries capture and send time: send - capture is the server's own
 * latency; the viewer adds receive - capture on the same clock. The received stream is then
 * decoded to time the viewer's decoder per picture.
 */
final class PipelineLatencyBenchmark {

    record Result(int width, int height, int fps, String encoder, long frames, double deliveredFps, long gaps,
            Samples captureToSend, Samples captureToReceive, Samples decode, String load) {
    }

    private PipelineLatencyBenchmark() {
    }

    static Result measure(int width, int height, int fps, Duration warmUp, int frames) throws Exception {
        MachineConfig machine = Sources.testPattern("latency", width, height, fps);
        try (BenchServer server = BenchServer.start(List.of(machine))) {
            String token = server.login();
            try (VideoViewer viewer = VideoViewer.connect(server.http(), server.videoUri(machine.name()), token, true)) {
                Thread.sleep(warmUp.toMillis());
                long gapsBefore = viewer.gaps();
                viewer.startRecording();
                viewer.awaitRecorded(frames, Duration.ofSeconds(30L + 3L * frames / fps));
                String load = Host.loadAverage();
                StreamStats stats = server.server().video().stats().get(0);
                Samples decode = DecodeTimer.time(viewer.units(), viewer.firstRecordedUnit());
                return new Result(width, height, fps, stats.encoder(), viewer.recorded(), viewer.recordedFps(),
                        viewer.gaps() - gapsBefore, viewer.captureToSend(), viewer.captureToReceive(), decode, load);
            }
        }
    }
}
