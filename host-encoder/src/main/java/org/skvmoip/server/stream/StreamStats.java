package org.skvmoip.server.stream;

/**
 * A machine's video pipeline now, for the API's status and the metrics.
 *
 * @param running        a pipeline is capturing and encoding (it has viewers)
 * @param signal         the capture source delivers pictures (false: viewers see "no signal")
 * @param encoder        the encoder in use, e.g. "libx264" or "h264_nvenc"; empty when not running
 * @param framesEncoded  since the server started, all runs together
 * @param encodeNanosTotal time spent encoding those frames
 * @param framesDropped  access units dropped for slow viewers, all viewers together
 */
public record StreamStats(String machine, boolean running, boolean signal, int viewers, String encoder, int width,
        int height, double encodeFps, long framesEncoded, long encodeNanosTotal, long framesDropped,
        long bytesEncoded) {

    /** Mean time to scale and encode one frame, milliseconds; 0 before the first frame. */
    public double meanEncodeMillis() {
        return framesEncoded == 0 ? 0 : encodeNanosTotal / 1e6 / framesEncoded;
    }
}
