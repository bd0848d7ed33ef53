package org.skvmoip.server.encode;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy_props;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_ctx_create;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_ctx_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_ctx_init;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_transfer_data;

import java.io.IOException;

import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVHWFramesContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.skvmoip.server.capture.Ffmpeg;
import org.skvmoip.server.capture.Natives;

/**
 * A pool of pictures in a hardware device's memory, for encoders that take no pictures from main
 * memory (VAAPI): each picture is uploaded before it is encoded.
 */
final class HardwareFrames implements AutoCloseable {

    /** Pictures the encoder may hold at once, plus the one being uploaded. */
    private static final int POOL_SIZE = 8;

    private AVBufferRef device;
    private AVBufferRef frames;
    private AVFrame uploaded = av_frame_alloc();

    /**
     * Opens the system's default device of {@code deviceType} and a pool of {@code width} x
     * {@code height} pictures in {@code hardwareFormat} holding {@code softwareFormat} data.
     */
    static HardwareFrames open(int deviceType, int hardwareFormat, int softwareFormat, int width, int height)
            throws IOException {
        HardwareFrames pool = new HardwareFrames();
        try {
            try (PointerPointer<AVBufferRef> created = new PointerPointer<>(1)) {
                created.put(0, (Pointer) null);
                Ffmpeg.check(av_hwdevice_ctx_create(created, deviceType, (BytePointer) null, null, 0),
                        "no hardware device");
                pool.device = created.get(AVBufferRef.class, 0);
            }
            pool.frames = av_hwframe_ctx_alloc(pool.device);
            if (pool.frames == null) {
                throw new IOException("the hardware device has no frame pool");
            }
            AVHWFramesContext layout = new AVHWFramesContext(pool.frames.data());
            layout.format(hardwareFormat);
            layout.sw_format(softwareFormat);
            layout.width(width);
            layout.height(height);
            layout.initial_pool_size(POOL_SIZE);
            Ffmpeg.check(av_hwframe_ctx_init(pool.frames), "cannot allocate pictures on the hardware device");
            return pool;
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The pool, for the encoder's {@code hw_frames_ctx} (which takes its own reference). */
    AVBufferRef frames() {
        return frames;
    }

    /** Copies {@code picture} (with its timestamp and picture type) into a pool picture. */
    AVFrame upload(AVFrame picture) throws IOException {
        av_frame_unref(uploaded);
        Ffmpeg.check(av_hwframe_get_buffer(frames, uploaded, 0), "no free picture on the hardware device");
        Ffmpeg.check(av_hwframe_transfer_data(uploaded, picture, 0), "cannot upload a picture to the hardware device");
        Ffmpeg.check(av_frame_copy_props(uploaded, picture), "cannot copy picture properties");
        return uploaded;
    }

    @Override
    public void close() {
        uploaded = Natives.free(uploaded);
        frames = Natives.free(frames);
        device = Natives.free(device);
    }
}
