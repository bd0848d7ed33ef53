package org.skvmoip.client.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_hw_config;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_ctx_create;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_get_type_name;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_transfer_data;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import java.io.IOException;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecHWConfig;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's H.264 decoder, on a hardware device or in software, fed one Annex-B access unit at a
 * time in low-delay mode (each unit comes out as a picture at once). Pictures decoded on a device
 * are copied to main memory before they are handed on. Not thread-safe.
 */
final class H264Decoder implements AutoCloseable {

    /** Receives each decoded picture, in main memory; valid only during the call. */
    interface Pictures {
        void accept(AVFrame picture) throws IOException;
    }

    /** avcodec.h's AV_INPUT_BUFFER_PADDING_SIZE: bitstream readers may read this far past the end. */
    private static final int INPUT_PADDING = 64;
    /** Slice threads: more than this gains nothing at 1080p and costs start-up time. */
    private static final int MAX_THREADS = 8;
    /** avcodec.h's FF_THREAD_SLICE (a macro the presets do not carry). */
    private static final int FF_THREAD_SLICE = 2;
    private static final byte[] PADDING = new byte[INPUT_PADDING];

    private final int deviceType;
    private AVCodecContext context;
    private AVBufferRef device;
    private AVPacket packet = av_packet_alloc();
    private AVFrame decoded = av_frame_alloc();
    private AVFrame downloaded = av_frame_alloc();
    private BytePointer input = new BytePointer(0L);
    private int hardwareFormat = -1;
    private boolean lastOnDevice;

    private H264Decoder(int deviceType) {
        this.deviceType = deviceType;
    }

    /**
     * Opens the decoder on the default device of {@code deviceType}, or in software for
     * {@code AV_HWDEVICE_TYPE_NONE}.
     *
     * @throws IOException the device does not open (no driver, no GPU) or cannot decode H.264
     */
    static H264Decoder open(int deviceType) throws IOException {
        FfmpegCalls.init();
        H264Decoder decoder = new H264Decoder(deviceType);
        try {
            decoder.configure();
            return decoder;
        } catch (IOException | RuntimeException e) {
            decoder.close();
            throw e;
        }
    }

    private void configure() throws IOException {
        AVCodec codec = avcodec_find_decoder(AV_CODEC_ID_H264);
        if (codec == null) {
            throw new IOException("this FFmpeg build has no H.264 decoder");
        }
        context = avcodec_alloc_context3(codec);
        if (context == null) {
            throw new IOException("no memory for a decoder");
        }
        context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY);
        if (deviceType == AV_HWDEVICE_TYPE_NONE) {
            // Slice threads only: frame threads would hold each picture back one frame per thread.
            context.thread_type(FF_THREAD_SLICE);
            context.thread_count(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        } else {
            hardwareFormat = hardwareFormat(codec);
            openDevice();
            // FFmpeg's default format choice takes the device's format when a device is set.
            context.hw_device_ctx(av_buffer_ref(device));
        }
        FfmpegCalls.check(avcodec_open2(context, codec, (AVDictionary) null), "the " + name() + " decoder does not open");
    }

    private int hardwareFormat(AVCodec codec) throws IOException {
        for (int i = 0;; i++) {
            AVCodecHWConfig config = avcodec_get_hw_config(codec, i);
            if (config == null) {
                throw new IOException("FFmpeg's H.264 decoder cannot use " + deviceName() + " in this build");
            }
            if ((config.methods() & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) != 0 && config.device_type() == deviceType) {
                return config.pix_fmt();
            }
        }
    }

    private void openDevice() throws IOException {
        try (PointerPointer<AVBufferRef> created = new PointerPointer<>(1)) {
            created.put(0, (Pointer) null);
            FfmpegCalls.check(av_hwdevice_ctx_create(created, deviceType, (BytePointer) null, null, 0),
                    "no " + deviceName() + " device (" + HardwareDecoding.requirement(deviceName()) + ")");
            device = created.get(AVBufferRef.class, 0);
        }
    }

    /** "software" or the device's FFmpeg name ("cuda", "vaapi"...). */
    String name() {
        return deviceType == AV_HWDEVICE_TYPE_NONE ? "software" : deviceName();
    }

    boolean usesDevice() {
        return deviceType != AV_HWDEVICE_TYPE_NONE;
    }

    /** Whether the last picture came from the device (FFmpeg falls back to software by itself if the device refuses a stream). */
    boolean lastPictureOnDevice() {
        return lastOnDevice;
    }

    private String deviceName() {
        BytePointer name = av_hwdevice_get_type_name(deviceType);
        return name == null ? "device type " + deviceType : name.getString();
    }

    /**
     * Decodes one access unit and hands on the pictures it completes.
     *
     * @return how many pictures came out
     * @throws IOException the unit is damaged, or the device failed
     */
    int decode(byte[] annexB, int offset, int length, Pictures out) throws IOException {
        if (input.capacity() < length + INPUT_PADDING) {
            // Grown by doubling: a stream's keyframes are its largest units and come back every GOP.
            long size = Math.max(length + INPUT_PADDING, 2 * input.capacity());
            input.close();
            input = new BytePointer(size);
        }
        input.position(0).put(annexB, offset, length);
        input.position(length).put(PADDING, 0, INPUT_PADDING);
        input.position(0);
        packet.data(input);
        packet.size(length);
        int sent = avcodec_send_packet(context, packet);
        packet.data(null);
        packet.size(0);
        FfmpegCalls.check(sent, "the " + name() + " decoder refused an access unit of " + length + " bytes");
        int pictures = 0;
        while (true) {
            int received = avcodec_receive_frame(context, decoded);
            if (received == AVERROR_EAGAIN() || received == AVERROR_EOF()) {
                return pictures;
            }
            FfmpegCalls.check(received, "the " + name() + " decoder failed");
            try {
                out.accept(inMainMemory(decoded));
                pictures++;
            } finally {
                av_frame_unref(decoded);
                av_frame_unref(downloaded);
            }
        }
    }

    private AVFrame inMainMemory(AVFrame picture) throws IOException {
        lastOnDevice = picture.format() == hardwareFormat;
        if (!lastOnDevice) {
            return picture;
        }
        FfmpegCalls.check(av_hwframe_transfer_data(downloaded, picture, 0),
                "cannot copy a picture from the " + name() + " device");
        downloaded.width(picture.width());
        downloaded.height(picture.height());
        return downloaded;
    }

    /** Forgets the reference pictures: after a gap, decoding starts again at a keyframe. */
    void reset() {
        avcodec_flush_buffers(context);
    }

    @Override
    public void close() {
        if (context != null && !context.isNull()) {
            avcodec_free_context(context);
        }
        context = null;
        if (device != null && !device.isNull()) {
            av_buffer_unref(device);
        }
        device = null;
        if (packet != null && !packet.isNull()) {
            av_packet_free(packet);
        }
        packet = null;
        if (decoded != null && !decoded.isNull()) {
            av_frame_free(decoded);
        }
        decoded = null;
        if (downloaded != null && !downloaded.isNull()) {
            av_frame_free(downloaded);
        }
        downloaded = null;
        input.close();
    }
}
