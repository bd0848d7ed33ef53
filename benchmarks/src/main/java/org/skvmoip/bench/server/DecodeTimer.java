package org.skvmoip.bench.server;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.skvmoip.server.capture.Ffmpeg;
import org.skvmoip.server.capture.Natives;

/**
 * The third part of encode + send + decode: how long a viewer's H.264 decoder takes per access
 * unit of a recorded stream. FFmpeg's decoder in low-delay mode on one thread (a picture out
 * for each unit in, as a live viewer decodes), timed after the stream was received, so decoding
 * did not compete with the server for this host's cores while it was measured.
 */
final class DecodeTimer {

    /** avcodec.h's AV_INPUT_BUFFER_PADDING_SIZE: bitstream readers may read this far past the end. */
    private static final int INPUT_PADDING = 64;

    private DecodeTimer() {
    }

    /** Decodes every unit (the first a keyframe); returns the time of each from {@code firstTimed} on, microseconds. */
    static Samples time(List<byte[]> units, int firstTimed) throws IOException {
        Ffmpeg.init();
        Samples micros = new Samples();
        AVCodecContext context = avcodec_alloc_context3(avcodec_find_decoder(AV_CODEC_ID_H264));
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            context.thread_count(1);
            context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY);
            Ffmpeg.check(avcodec_open2(context, avcodec_find_decoder(AV_CODEC_ID_H264), (AVDictionary) null),
                    "cannot open the H.264 decoder");
            for (int i = 0; i < units.size(); i++) {
                byte[] unit = units.get(i);
                try (BytePointer data = new BytePointer(unit.length + INPUT_PADDING)) {
                    data.zero();
                    data.put(unit, 0, unit.length);
                    long started = System.nanoTime();
                    packet.data(data);
                    packet.size(unit.length);
                    Ffmpeg.check(avcodec_send_packet(context, packet), "cannot decode access unit " + i);
                    while (avcodec_receive_frame(context, frame) == 0) {
                        av_frame_unref(frame);
                    }
                    long took = System.nanoTime() - started;
                    packet.data(null);
                    packet.size(0);
                    if (i >= firstTimed) {
                        micros.add(took / 1_000);
                    }
                }
            }
            return micros;
        } finally {
            Natives.free(frame);
            Natives.free(packet);
            Natives.free(context);
        }
    }
}
