package org.skvmoip.server.capture;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.util.concurrent.TimeUnit;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A mailbox of one picture between the capture thread and a consumer (an encoder, a snapshot).
 * A new picture replaces one not yet taken, so a consumer slower than the source always gets the
 * newest picture and never adds latency by working through old ones. Pictures are shared by
 * reference (FFmpeg's reference-counted buffers), not copied.
 */
public final class FrameSlot implements AutoCloseable {

    private final AVFrame frame = av_frame_alloc();
    // guarded by this
    private CaptureStamp stamp;
    private boolean fresh;
    private boolean closed;

    /** Capture side: offers {@code picture} (a new reference to it), replacing what is there. */
    public synchronized void put(AVFrame picture, CaptureStamp pictureStamp) {
        if (closed) {
            return;
        }
        av_frame_unref(frame);
        if (av_frame_ref(frame, picture) < 0) {
            // Out of native memory: this consumer misses one picture.
            stamp = null;
            fresh = false;
            return;
        }
        stamp = pictureStamp;
        fresh = true;
        notifyAll();
    }

    /**
     * Consumer side: waits for a picture put since the last take and moves it into {@code target}.
     *
     * @return its stamp, or null when the wait timed out or the slot was closed
     */
    public synchronized CaptureStamp take(AVFrame target, long timeout, TimeUnit unit) throws InterruptedException {
        if (!awaitPicture(true, unit.toNanos(timeout))) {
            return null;
        }
        av_frame_unref(target);
        av_frame_move_ref(target, frame);
        fresh = false;
        CaptureStamp taken = stamp;
        stamp = null;
        return taken;
    }

    /**
     * Waits for the slot to hold a picture and gives {@code target} a reference to it, leaving it
     * in the slot (the newest picture, for snapshots).
     *
     * @return its stamp, or null when the wait timed out or the slot was closed
     */
    public synchronized CaptureStamp peek(AVFrame target, long timeout, TimeUnit unit) throws InterruptedException {
        if (!awaitPicture(false, unit.toNanos(timeout))) {
            return null;
        }
        av_frame_unref(target);
        if (av_frame_ref(target, frame) < 0) {
            return null;
        }
        return stamp;
    }

    /** Waits (holding this lock) for a picture, a fresh one if asked; false on timeout or close. */
    private boolean awaitPicture(boolean freshOnly, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!closed && (freshOnly ? !fresh : stamp == null)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return !closed;
    }

    /** Drops the held picture, frees the frame and wakes a waiting consumer. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stamp = null;
            av_frame_free(frame);
            notifyAll();
        }
    }
}
