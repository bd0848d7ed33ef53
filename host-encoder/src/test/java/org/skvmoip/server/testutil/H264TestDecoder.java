package org.skvmoip.server.testutil;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_EXPLODE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.skvmoip.server.capture.Ffmpeg;
import org.skvmoip.server.capture.FrameImages;
import org.skvmoip.server.capture.Natives;
import org.skvmoip.server.stream.AccessUnit;

/**
 * What a viewer does with the stream, for tests: FFmpeg's H.264 decoder fed one Annex-B access
 * unit at a time, each decoded picture returned as a Java image. It runs with error detection set
 * to fail (AV_EF_EXPLODE), so a stream a real viewer could only show with corruption (a unit
 * whose reference pictures were never received) throws instead of decoding to garbage.
 *
 * <pre>
 * try (H264TestDecoder decoder = new H264TestDecoder()) {
 *     List&lt;BufferedImage&gt; pictures = decoder.decode(units);
 * }
 * </pre>
 */
public final class H264TestDecoder implements AutoCloseable {

    /** avcodec.h's AV_INPUT_BUFFER_PADDING_SIZE. */
    private static final int INPUT_PADDING = 64;

    private AVCodecContext context;
    private AVPacket packet;
    private AVFrame frame;
    private int pictures;

    public H264TestDecoder() {
        Ffmpeg.init();
        context = avcodec_alloc_context3(avcodec_find_decoder(AV_CODEC_ID_H264));
        // One thread and low delay: each access unit comes out as a picture at once, as for a live viewer.
        context.thread_count(1);
        context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY);
        context.err_recognition(context.err_recognition() | AV_EF_EXPLODE);
        check(avcodec_open2(context, avcodec_find_decoder(AV_CODEC_ID_H264), (AVDictionary) null), "open the decoder");
        packet = av_packet_alloc();
        frame = av_frame_alloc();
    }

    /** Decodes every unit in order, then drains the decoder: one picture per unit. */
    public List<BufferedImage> decode(List<AccessUnit> units) {
        List<BufferedImage> images = new ArrayList<>();
        for (AccessUnit unit : units) {
            images.addAll(decode(unit.data()));
        }
        images.addAll(flush());
        return images;
    }

    /**
     * Decodes one Annex-B access unit; returns the pictures the decoder hands back for it (one,
     * or none when it starts with a unit that is not a keyframe).
     *
     * @throws IllegalStateException the decoder found the unit damaged or missing its references
     */
    public List<BufferedImage> decode(byte[] annexB) {
        // FFmpeg's bitstream readers may read up to AV_INPUT_BUFFER_PADDING_SIZE bytes past the end.
        try (BytePointer data = new BytePointer(annexB.length + INPUT_PADDING)) {
            data.zero();
            data.put(annexB, 0, annexB.length);
            packet.data(data);
            packet.size(annexB.length);
            int sent = avcodec_send_packet(context, packet);
            packet.data(null);
            packet.size(0);
            check(sent, "decode an access unit of " + annexB.length + " bytes");
        }
        return receive();
    }

    /** Pictures still inside the decoder (none for a low-delay stream); the decoder then ends. */
    public List<BufferedImage> flush() {
        avcodec_send_packet(context, null);
        return receive();
    }

    /** Pictures decoded so far. */
    public int pictures() {
        return pictures;
    }

    private List<BufferedImage> receive() {
        List<BufferedImage> images = new ArrayList<>();
        while (true) {
            int result = avcodec_receive_frame(context, frame);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF()) {
                return images;
            }
            check(result, "receive a decoded picture");
            images.add(FrameImages.toImage(frame));
            pictures++;
        }
    }

    private static void check(int result, String doing) {
        if (result < 0) {
            throw new IllegalStateException("H.264 decoder could not " + doing + ": " + Ffmpeg.error(result));
        }
    }

    /** Decodes {@code units} with a fresh decoder. */
    public static List<BufferedImage> decodeAll(List<AccessUnit> units) {
        try (H264TestDecoder decoder = new H264TestDecoder()) {
            return decoder.decode(units);
        }
    }

    @Override
    public void close() {
        frame = Natives.free(frame);
        packet = Natives.free(packet);
        context = Natives.free(context);
    }
}
