package org.skvmoip.server.encode;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.skvmoip.server.capture.CaptureSource;
import org.skvmoip.server.capture.CaptureStamp;
import org.skvmoip.server.testutil.TestSources;

/**
 * A quick look at per-frame encode time (scale + encode, as the pipeline measures it) of the
 * server's encoder settings on FFmpeg's moving test pattern; not a test, not the benchmark.
 * Pictures are captured first, so capture costs nothing while encoding is timed.
 *
 * <pre>java -cp TEST_CLASSPATH org.skvmoip.server.encode.EncoderBench [encoder] [preset] [frames] [WxH ...]</pre>
 */
public final class EncoderBench {

    private EncoderBench() {
    }

    public static void main(String[] args) throws Exception {
        String encoderName = args.length > 0 ? args[0] : "libx264";
        String preset = args.length > 1 ? args[1] : "superfast";
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        List<String> sizes = args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of("1280x720", "1920x1080");
        EncoderProbe probe = new EncoderProbe();
        for (String size : sizes) {
            int width = Integer.parseInt(size.substring(0, size.indexOf('x')));
            int height = Integer.parseInt(size.substring(size.indexOf('x') + 1));
            List<AVFrame> pictures = capture(width, height, 60);
            long[] nanos = new long[frames];
            long bytes = 0;
            long[] produced = new long[1];
            EncoderParameters parameters = new EncoderParameters(preset, width, height, 60, 8000, 120, 0);
            try (H264Encoder encoder = probe.open(encoderName, parameters).encoder()) {
                for (int i = 0; i < frames; i++) {
                    long started = System.nanoTime();
                    encoder.encode(pictures.get(i % pictures.size()), new CaptureStamp(started, 0, true),
                            (data, keyframe, pts, stamp, encoded) -> produced[0] += data.length);
                    nanos[i] = System.nanoTime() - started;
                }
                bytes = produced[0];
            } finally {
                pictures.forEach(picture -> av_frame_free(picture));
            }
            Arrays.sort(nanos);
            System.out.printf("%s %s %s: %d frames, mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f kbit/s at 60 fps%n",
                    encoderName, preset, size, frames, Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[frames / 2] / 1e6,
                    nanos[frames * 99 / 100] / 1e6, nanos[frames - 1] / 1e6, bytes * 8.0 / frames * 60 / 1000);
        }
    }

    private static List<AVFrame> capture(int width, int height, int count) throws Exception {
        List<AVFrame> pictures = new ArrayList<>();
        try (CaptureSource source = CaptureSource.open(TestSources.testPattern("bench", width, height, 60), () -> false)) {
            for (int i = 0; i < count; i++) {
                source.next();
                pictures.add(av_frame_clone(source.frame()));
            }
        }
        return pictures;
    }
}
