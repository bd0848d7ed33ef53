package org.skvmoip.server.config;

import java.util.Optional;

/**
 * One machine of the inventory.
 *
 * @param name        unique, [A-Za-z0-9._-]{1,64}: it appears in URLs
 * @param source      what FFmpeg opens: "/dev/video0", "video=USB Video" (DirectShow), "0" (AVFoundation),
 *                    or any URL such as a simulated machine's "http://127.0.0.1:21080/stream.mjpg"
 * @param inputFormat FFmpeg demuxer name ("v4l2", "dshow", "avfoundation", "lavfi", "mjpeg"); empty: FFmpeg probes
 * @param width       requested capture width, 0 = the source's own
 * @param height      requested capture height, 0 = the source's own
 * @param fps         requested frame rate
 * @param pixelFormat the capture device's input format ("mjpeg", "yuyv422"); empty: the device's default
 * @param module      the module's address; empty for a machine with video only
 * @param encoder     this machine's encoding (the server's defaults unless overridden)
 */
public record MachineConfig(String name, String source, String inputFormat, int width, int height, int fps,
        String pixelFormat, Optional<ModuleAddress> module, EncoderSettings encoder) {
}
