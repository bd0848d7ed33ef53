package org.skvmoip.client.video;

/**
 * What the statistics overlay shows, over the interval since the previous sample.
 *
 * @param decoder         the decoder in use ("software", "cuda"...)
 * @param width           the stream's picture width, 0 before the first picture
 * @param height          its height
 * @param fps             pictures shown per second
 * @param kilobitsPerSecond video received, kbit/s
 * @param decodeMillis    mean decode and colour conversion time per picture, ms
 * @param latencyMillis   mean time from capture on the server to the picture's showing here, ms
 *                        (meaningful when both clocks agree, as in the demo); NaN when none shown
 * @param dropped         pictures decoded but replaced before the screen showed them, in total
 * @param skipped         units not decoded, in total: the decoder fell behind, the server dropped
 *                        units, or a unit was damaged; decoding restarts at the next keyframe
 */
public record VideoStats(String decoder, int width, int height, double fps, double kilobitsPerSecond,
        double decodeMillis, double latencyMillis, long dropped, long skipped) {

    /** One line for the overlay. */
    public String describe() {
        return String.format("%dx%d  %.0f fps  %.0f kbit/s  decode %.1f ms  latency %s  dropped %d  skipped %d  (%s)",
                width, height, fps, kilobitsPerSecond, decodeMillis,
                Double.isNaN(latencyMillis) ? "-" : String.format("%.0f ms", latencyMillis), dropped, skipped, decoder);
    }
}
