package org.skvmoip.client.video;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.skvmoip.server.capture.CaptureStamp;
import org.skvmoip.server.capture.FrameImages;
import org.skvmoip.server.encode.EncoderParameters;
import org.skvmoip.server.encode.EncoderProbe;
import org.skvmoip.server.encode.H264Encoder;

/**
 * H.264 streams made by the server's own encoder (libx264, as the server runs it) from pictures
 * drawn here, as the access units the video socket would carry.
 */
final class TestStream {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    private TestStream() {
    }

    /**
     * Four quadrants, red, green, blue and white, with a black bar whose position moves with
     * {@code index}, so consecutive pictures differ.
     */
    static BufferedImage quadrants(int index) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, WIDTH / 2, HEIGHT / 2);
        g.setColor(Color.GREEN);
        g.fillRect(WIDTH / 2, 0, WIDTH / 2, HEIGHT / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, HEIGHT / 2, WIDTH / 2, HEIGHT / 2);
        g.setColor(Color.WHITE);
        g.fillRect(WIDTH / 2, HEIGHT / 2, WIDTH / 2, HEIGHT / 2);
        g.setColor(Color.BLACK);
        g.fillRect((index * 16) % WIDTH, HEIGHT / 2 - 8, 16, 16);
        g.dispose();
        return image;
    }

    /**
     * Encodes {@code count} quadrant pictures; a keyframe is forced at each index in
     * {@code keyframesAt} (the first unit is always one).
     */
    static List<EncodedUnit> encode(int count, long captureMicros, int... keyframesAt) throws Exception {
        List<EncodedUnit> units = new ArrayList<>();
        EncoderParameters parameters = new EncoderParameters("ultrafast", WIDTH, HEIGHT, 30, 1500, 1000, 1);
        try (H264Encoder encoder = new EncoderProbe().open("libx264", parameters).encoder()) {
            for (int i = 0; i < count; i++) {
                for (int k : keyframesAt) {
                    if (k == i) {
                        encoder.requestKeyframe();
                    }
                }
                AVFrame frame = FrameImages.toFrame(quadrants(i));
                try {
                    CaptureStamp stamp = new CaptureStamp(System.nanoTime() + i * 33_000_000L, captureMicros, true);
                    encoder.encode(frame, stamp, (data, keyframe, pts, captured, encoded) ->
                            units.add(EncodedUnit.of(data, keyframe, units.size(), captureMicros)));
                } finally {
                    avutil.av_frame_free(frame);
                }
            }
        }
        return units;
    }
}
