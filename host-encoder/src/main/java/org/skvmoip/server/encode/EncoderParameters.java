package org.skvmoip.server.encode;

/**
 * What one encoder is opened with (the encoder's name is chosen separately, by {@link EncoderProbe}).
 *
 * @param preset      x264 preset name; other encoders map it to their nearest
 * @param width       output width in pixels, even
 * @param height      output height in pixels, even
 * @param fps         the rate pictures are expected at (rate control; actual timing comes from capture)
 * @param bitrateKbps target and maximum bitrate
 * @param gopFrames   frames between scheduled keyframes
 * @param threads     encoder threads, 0 = the encoder decides
 */
public record EncoderParameters(String preset, int width, int height, int fps, int bitrateKbps, int gopFrames,
        int threads) {

    public EncoderParameters {
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("H.264 with 4:2:0 chroma needs an even size, was " + width + "x" + height);
        }
        if (fps < 1 || bitrateKbps < 1 || gopFrames < 1 || threads < 0) {
            throw new IllegalArgumentException("fps, bitrate and GOP must be positive, threads not negative: fps " + fps
                    + ", bitrate " + bitrateKbps + " kbit/s, GOP " + gopFrames + ", threads " + threads);
        }
    }
}
