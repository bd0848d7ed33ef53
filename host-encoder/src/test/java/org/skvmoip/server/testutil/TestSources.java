package org.skvmoip.server.testutil;

import java.util.Optional;

import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.config.MachineConfig;

/** Machines whose screen is a source FFmpeg generates itself or reads from a URL. */
public final class TestSources {

    private TestSources() {
    }

    /** FFmpeg's moving test pattern (testsrc2) at {@code width} x {@code height}, {@code fps}. */
    public static MachineConfig testPattern(String name, int width, int height, int fps) {
        return new MachineConfig(name, "testsrc2=size=" + width + "x" + height + ":rate=" + fps, "lavfi", 0, 0, fps, "",
                Optional.empty(), EncoderSettings.DEFAULTS);
    }

    /** A machine whose screen is the MJPEG stream at {@code url}, as a simulated machine serves it. */
    public static MachineConfig mjpeg(String name, String url, int fps) {
        return new MachineConfig(name, url, "mpjpeg", 0, 0, fps, "", Optional.empty(), EncoderSettings.DEFAULTS);
    }

    public static MachineConfig withEncoder(MachineConfig machine, EncoderSettings encoder) {
        return new MachineConfig(machine.name(), machine.source(), machine.inputFormat(), machine.width(),
                machine.height(), machine.fps(), machine.pixelFormat(), machine.module(), encoder);
    }
}
