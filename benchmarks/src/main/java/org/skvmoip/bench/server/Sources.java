package org.skvmoip.bench.server;

import java.util.Optional;

import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.config.MachineConfig;

/**
 * The machines the benchmarks stream: FFmpeg's own generators (lavfi, which the capture plays at
 * their frame rate, as a capture card delivers) and simulated machines' MJPEG screens. All encode
 * with libx264 at the server's default bitrate, GOP and preset: "auto" picks libx264 on a host
 * without a hardware encoder, and naming it keeps the numbers comparable on one that has one.
 */
final class Sources {

    static final EncoderSettings LIBX264_DEFAULTS = new EncoderSettings("libx264", EncoderSettings.DEFAULTS.bitrateKbps(),
            EncoderSettings.DEFAULTS.gopFrames(), EncoderSettings.DEFAULTS.preset());

    private Sources() {
    }

    /** A lavfi filter graph such as {@code testsrc2=size=1280x720:rate=30,vflip}. */
    static MachineConfig lavfi(String name, String graph, int fps) {
        return new MachineConfig(name, graph, "lavfi", 0, 0, fps, "", Optional.empty(), LIBX264_DEFAULTS);
    }

    /** FFmpeg's moving test pattern, testsrc2: a colour pattern, a moving gradient, a clock. */
    static MachineConfig testPattern(String name, int width, int height, int fps) {
        return lavfi(name, testPatternGraph(width, height, fps), fps);
    }

    static String testPatternGraph(int width, int height, int fps) {
        return "testsrc2=size=" + width + "x" + height + ":rate=" + fps;
    }

    /** The screen a simulated machine serves as MJPEG over HTTP. */
    static MachineConfig mjpeg(String name, String url, int fps) {
        return new MachineConfig(name, url, "mpjpeg", 0, 0, fps, "", Optional.empty(), LIBX264_DEFAULTS);
    }
}
