package org.skvmoip.server.encode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each encoder's private options for low latency: no lookahead or reordering, IDR pictures on
 * request, parameter sets in front of every keyframe, and the configured x264 preset mapped to
 * the encoder's own speed scale. Options an encoder does not know are skipped when set.
 * Public so that the benchmarks can give the {@code ffmpeg} command line exactly these options.
 */
public final class EncoderOptions {

    private EncoderOptions() {
    }

    public static Map<String, String> forEncoder(String encoder, String preset) {
        Map<String, String> options = new LinkedHashMap<>();
        switch (encoder) {
            case "libx264" -> {
                options.put("preset", preset);
                // zerolatency: no lookahead, no B-frames, sliced threads (a picture leaves as soon as it is encoded).
                options.put("tune", "zerolatency");
                options.put("forced-idr", "1");
                // SPS and PPS before every IDR, so a viewer can start at any keyframe.
                options.put("x264-params", "repeat-headers=1");
            }
            case "h264_nvenc" -> {
                options.put("preset", "p" + speedRank(preset));
                options.put("tune", "ull");
                options.put("zerolatency", "1");
                options.put("delay", "0");
                options.put("rc", "cbr");
                options.put("forced-idr", "1");
            }
            case "h264_qsv" -> {
                options.put("preset", speedRank(preset) <= 2 ? "veryfast" : speedRank(preset) <= 4 ? "medium" : "slow");
                options.put("async_depth", "1");
                options.put("forced_idr", "1");
            }
            case "h264_amf" -> {
                options.put("usage", "ultralowlatency");
                options.put("quality", speedRank(preset) <= 3 ? "speed" : "balanced");
            }
            case "h264_videotoolbox" -> options.put("realtime", "1");
            default -> {
                // libopenh264, h264_vaapi: their defaults already encode picture by picture.
            }
        }
        return options;
    }

    /** x264's presets from fastest (1) to slowest (7), the scale NVENC's p1..p7 uses. */
    static int speedRank(String preset) {
        return switch (preset) {
            case "ultrafast", "superfast" -> 1;
            case "veryfast" -> 2;
            case "faster", "fast" -> 3;
            case "medium" -> 4;
            case "slow" -> 5;
            case "slower" -> 6;
            default -> 7;
        };
    }
}
