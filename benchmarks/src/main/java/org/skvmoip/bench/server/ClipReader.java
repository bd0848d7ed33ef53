package org.skvmoip.bench.server;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_arrays;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.skvmoip.server.capture.Natives;

/**
 * A raw yuv420p clip read picture by picture on a thread of its own, a few pictures ahead of
 * the encoder, as the server's capture thread runs ahead of its encoder thread (and as ffmpeg 7
 * reads its input on its own thread): reading then costs CPU time but no encoding time.
 */
final class ClipReader implements AutoCloseable {

    private static final int PICTURES_AHEAD = 3;

    private final List<AVFrame> pictures = new ArrayList<>();
    private final List<BytePointer> buffers = new ArrayList<>();
    private final BlockingQueue<Integer> free = new ArrayBlockingQueue<>(PICTURES_AHEAD);
    private final BlockingQueue<Integer> filled = new ArrayBlockingQueue<>(PICTURES_AHEAD + 1);
    private final Thread thread;
    private volatile IOException failure;

    /** Starts reading {@code frames} pictures of {@code width} x {@code height} from {@code clip}. */
    ClipReader(Path clip, int width, int height, int frames) {
        int frameBytes = av_image_get_buffer_size(AV_PIX_FMT_YUV420P, width, height, 1);
        for (int i = 0; i < PICTURES_AHEAD; i++) {
            BytePointer pixels = new BytePointer(frameBytes);
            AVFrame picture = av_frame_alloc();
            picture.width(width);
            picture.height(height);
            picture.format(AV_PIX_FMT_YUV420P);
            av_image_fill_arrays(picture.data(), picture.linesize(), pixels, AV_PIX_FMT_YUV420P, width, height, 1);
            buffers.add(pixels);
            pictures.add(picture);
            free.add(i);
        }
        this.thread = new Thread(() -> read(clip, frameBytes, frames), "clip-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(Path clip, long frameBytes, int frames) {
        try (FileChannel file = FileChannel.open(clip, StandardOpenOption.READ)) {
            for (int i = 0; i < frames; i++) {
                int slot = free.take();
                ByteBuffer buffer = buffers.get(slot).position(0).limit(frameBytes).asByteBuffer();
                while (buffer.hasRemaining()) {
                    if (file.read(buffer, i * frameBytes + buffer.position()) < 0) {
                        throw new IOException("the clip " + clip + " ended at picture " + i + " of " + frames);
                    }
                }
                filled.put(slot);
            }
        } catch (IOException e) {
            failure = e;
            filled.add(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next picture, in clip order; hand it back with {@link #release} once encoded. */
    AVFrame take() throws IOException, InterruptedException {
        int slot = filled.take();
        if (slot < 0) {
            throw failure;
        }
        return pictures.get(slot);
    }

    void release(AVFrame picture) {
        free.add(pictures.indexOf(picture));
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
        pictures.forEach(Natives::free);
        buffers.forEach(BytePointer::close);
    }
}
