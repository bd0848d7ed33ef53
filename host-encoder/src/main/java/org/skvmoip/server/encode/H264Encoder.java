package org.skvmoip.server.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_PIX_FORMAT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_supported_config;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.skvmoip.server.capture.CaptureStamp;
import org.skvmoip.server.capture.Ffmpeg;
import org.skvmoip.server.capture.Natives;
import org.skvmoip.server.capture.PictureScaler;

/**
 * One H.264 encoder (libx264, OpenH264 or a hardware encoder) set up for live viewing: no
 * B-frames or lookahead, so each picture comes out as soon as it is encoded; a VBV buffer of
 * {@link #VBV_FRAMES} frames, so no picture takes much longer than a frame time to send at the
 * capped rate; Annex-B output with SPS and PPS in front of every IDR picture; and an IDR picture
 * on request. Pictures of any size and pixel format go in; they are scaled to the encoder's size.
 *
 * <p>Not thread-safe, except {@link #requestKeyframe()}. Open through {@link EncoderProbe}.
 */
public final class H264Encoder implements AutoCloseable {

    /** Time base of timestamps: microseconds, as captures stamp pictures. */
    private static final int MICROS = 1_000_000;
    /**
     * The VBV buffer in frames: one frame would starve keyframes of bits (text on a new viewer's
     * first picture turns to mush); two lets a keyframe take two frame times, still well under
     * the latency a viewer notices.
     */
    public static final int VBV_FRAMES = 2;

    /** Receives each access unit as the encoder returns it. */
    public interface Output {
        /**
         * @param annexB       the access unit, Annex-B; the array is the receiver's
         * @param keyframe     it holds an IDR picture (and, in front of it, SPS and PPS)
         * @param ptsMicros    its timestamp, microseconds since the encoder's first picture
         * @param stamp        when its picture was captured
         * @param encodedNanos {@link System#nanoTime()} when the encoder returned it
         */
        void accept(byte[] annexB, boolean keyframe, long ptsMicros, CaptureStamp stamp, long encodedNanos);
    }

    private record Pending(long pts, CaptureStamp stamp) {
    }

    private final String name;
    private final EncoderParameters parameters;
    private final AtomicBoolean keyframeRequested = new AtomicBoolean();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final PictureScaler scaler = new PictureScaler(SWS_BILINEAR);
    private AVCodecContext context;
    private AVFrame input;
    private AVPacket packet;
    private HardwareFrames hardware;
    private long originNanos;
    private long lastPts = -1;
    private byte[] parameterSets = new byte[0];

    private H264Encoder(String name, EncoderParameters parameters) {
        this.name = name;
        this.parameters = parameters;
    }

    /** Opens {@code codec} with {@code parameters}, or says why it does not open. */
    static H264Encoder open(AVCodec codec, EncoderParameters parameters) throws EncoderUnavailableException {
        String name = codec.name().getString();
        H264Encoder encoder = new H264Encoder(name, parameters);
        try (Ffmpeg.Messages messages = Ffmpeg.collectMessages()) {
            encoder.configure(codec);
            return encoder;
        } catch (IOException e) {
            encoder.close();
            throw new EncoderUnavailableException(name + " does not open at " + parameters.width() + "x"
                    + parameters.height() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private void configure(AVCodec codec) throws IOException {
        context = avcodec_alloc_context3(codec);
        if (context == null) {
            throw new IOException("no memory for an encoder");
        }
        context.width(parameters.width());
        context.height(parameters.height());
        context.time_base(av_make_q(1, MICROS));
        context.framerate(av_make_q(parameters.fps(), 1));
        context.gop_size(parameters.gopFrames());
        context.max_b_frames(0);
        long bitsPerSecond = parameters.bitrateKbps() * 1000L;
        context.bit_rate(bitsPerSecond);
        context.rc_max_rate(bitsPerSecond);
        context.rc_buffer_size((int) Math.min(Integer.MAX_VALUE, bitsPerSecond * VBV_FRAMES / parameters.fps()));
        context.thread_count(parameters.threads());
        int pictureFormat = inputFormat(codec);
        if (pictureFormat == AV_PIX_FMT_VAAPI) {
            hardware = HardwareFrames.open(AV_HWDEVICE_TYPE_VAAPI, AV_PIX_FMT_VAAPI, AV_PIX_FMT_NV12,
                    parameters.width(), parameters.height());
            context.hw_frames_ctx(av_buffer_ref(hardware.frames()));
            context.pix_fmt(AV_PIX_FMT_VAAPI);
            pictureFormat = AV_PIX_FMT_NV12;
        } else {
            context.pix_fmt(pictureFormat);
        }
        for (Map.Entry<String, String> option : EncoderOptions.forEncoder(name, parameters.preset()).entrySet()) {
            av_opt_set(context.priv_data(), option.getKey(), option.getValue(), 0);
        }
        int opened = avcodec_open2(context, codec, (AVDictionary) null);
        if (opened < 0) {
            throw new IOException(Ffmpeg.describe(opened));
        }
        if (context.extradata_size() > 0) {
            byte[] extradata = new byte[context.extradata_size()];
            context.extradata().get(extradata);
            parameterSets = AnnexB.parameterSets(extradata);
        }
        input = av_frame_alloc();
        input.width(parameters.width());
        input.height(parameters.height());
        input.format(pictureFormat);
        Ffmpeg.check(av_frame_get_buffer(input, 0), "no memory for the encoder's input picture");
        packet = av_packet_alloc();
    }

    /**
     * The pixel format to feed: 4:2:0 planar for software encoders (what x264 works in), NV12 for
     * hardware ones (what their engines read), the other when one is missing, or a VAAPI surface.
     */
    private int inputFormat(AVCodec codec) throws IOException {
        List<Integer> supported = supportedFormats(codec);
        boolean software = name.startsWith("lib");
        int[] preferred = software ? new int[] {AV_PIX_FMT_YUV420P, AV_PIX_FMT_NV12}
                : new int[] {AV_PIX_FMT_NV12, AV_PIX_FMT_YUV420P, AV_PIX_FMT_VAAPI};
        for (int format : preferred) {
            if (supported.isEmpty() || supported.contains(format)) {
                return format;
            }
        }
        throw new IOException("it takes none of the pixel formats this server feeds (yuv420p, nv12, vaapi)");
    }

    private List<Integer> supportedFormats(AVCodec codec) {
        List<Integer> formats = new ArrayList<>();
        try (PointerPointer<Pointer> configs = new PointerPointer<>(1); IntPointer count = new IntPointer(1)) {
            configs.put(0, (Pointer) null);
            if (avcodec_get_supported_config(context, codec, AV_CODEC_CONFIG_PIX_FORMAT, 0, configs, count) >= 0
                    && configs.get(0) != null) {
                IntPointer list = new IntPointer(configs.get(0));
                for (int i = 0; i < count.get(); i++) {
                    formats.add(list.get(i));
                }
            }
        }
        return formats;
    }

    /** Makes the next picture an IDR picture (a viewer joined, or lost pictures). Any thread. */
    public void requestKeyframe() {
        keyframeRequested.set(true);
    }

    /**
     * Encodes {@code picture} (scaled to the encoder's size) and hands every access unit the
     * encoder returns to {@code output}, on this thread.
     */
    public void encode(AVFrame picture, CaptureStamp stamp, Output output) throws IOException {
        Ffmpeg.check(av_frame_make_writable(input), "no memory for the encoder's input picture");
        scaler.scale(picture, input);
        long pts = lastPts < 0 ? 0 : Math.max(lastPts + 1, (stamp.nanoTime() - originNanos) / 1_000);
        if (lastPts < 0) {
            originNanos = stamp.nanoTime();
        }
        lastPts = pts;
        input.pts(pts);
        input.pict_type(keyframeRequested.getAndSet(false) ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        AVFrame toSend = hardware == null ? input : hardware.upload(input);
        pending.addLast(new Pending(pts, stamp));
        Ffmpeg.check(avcodec_send_frame(context, toSend), name + " refused a picture");
        drain(output);
    }

    private void drain(Output output) throws IOException {
        while (true) {
            int result = avcodec_receive_packet(context, packet);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF()) {
                return;
            }
            Ffmpeg.check(result, name + " failed");
            try {
                byte[] data = new byte[packet.size()];
                packet.data().get(data);
                emit(data, packet.pts(), output);
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private void emit(byte[] data, long pts, Output output) {
        CaptureStamp stamp = null;
        while (!pending.isEmpty() && pending.peekFirst().pts() <= pts) {
            stamp = pending.pollFirst().stamp();
        }
        if (stamp == null) {
            stamp = CaptureStamp.now(true);
        }
        boolean keyframe = AnnexB.contains(data, AnnexB.NAL_IDR_SLICE);
        if (keyframe) {
            if (AnnexB.contains(data, AnnexB.NAL_SPS)) {
                parameterSets = AnnexB.parameterSets(data);
            } else if (parameterSets.length > 0) {
                // An encoder that keeps SPS/PPS out of band: put them in, so any keyframe is a starting point.
                byte[] joined = new byte[parameterSets.length + data.length];
                System.arraycopy(parameterSets, 0, joined, 0, parameterSets.length);
                System.arraycopy(data, 0, joined, parameterSets.length, data.length);
                data = joined;
            }
        }
        output.accept(data, keyframe, pts, stamp, System.nanoTime());
    }

    /** The FFmpeg encoder's name, e.g. "libx264". */
    public String name() {
        return name;
    }

    public int width() {
        return parameters.width();
    }

    public int height() {
        return parameters.height();
    }

    public EncoderParameters parameters() {
        return parameters;
    }

    /** Frees every native object once; safe to call again. */
    @Override
    public void close() {
        context = Natives.free(context);
        input = Natives.free(input);
        packet = Natives.free(packet);
        if (hardware != null) {
            hardware.close();
            hardware = null;
        }
        scaler.close();
        pending.clear();
    }
}
