package org.skvmoip.server.config;

/**
 * How a machine's picture is encoded.
 *
 * @param encoder    "auto" (probe hardware encoders, then libx264, then OpenH264) or an FFmpeg encoder name
 * @param bitrateKbps target bitrate
 * @param gopFrames  frames between scheduled keyframes (viewers joining get one at once anyway)
 * @param preset     x264 preset (ultrafast, superfast, veryfast...); hardware encoders map it to their nearest
 */
public record EncoderSettings(String encoder, int bitrateKbps, int gopFrames, String preset) {

    public static final EncoderSettings DEFAULTS = new EncoderSettings("auto", 4000, 120, "superfast");
}
