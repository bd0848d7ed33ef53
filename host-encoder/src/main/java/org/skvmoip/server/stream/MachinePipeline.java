package org.skvmoip.server.stream;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.skvmoip.server.capture.CaptureLoop;
import org.skvmoip.server.capture.CaptureStamp;
import org.skvmoip.server.capture.FrameSlot;
import org.skvmoip.server.capture.WorkerThreads;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.encode.EncoderParameters;
import org.skvmoip.server.encode.EncoderProbe;
import org.skvmoip.server.encode.EncoderUnavailableException;
import org.skvmoip.server.encode.H264Encoder;

/**
 * One machine's stream in one mode while it has viewers: an encoder thread that takes the newest
 * captured picture, encodes it and offers the access unit to every viewer's queue (which never
 * blocks). Keyframes: one for viewers joining, at once unless one was forced less than
 * {@link #JOIN_KEYFRAME_INTERVAL_NANOS} ago (then at the end of that interval: joins in a burst,
 * a wall of browsers reloading, share one); one for viewers that dropped frames, at most once per
 * {@link #DROP_KEYFRAME_INTERVAL_NANOS}. The bitrate cap gives a keyframe no more bits than any
 * other picture, so every forced keyframe blurs the picture for everyone watching: neither
 * joiners nor slow viewers may force them at the frame rate.
 */
final class MachinePipeline implements AutoCloseable {

    /** Thumbnails: a few pictures a second at a low bitrate, for a wall of many machines. */
    static final int THUMBNAIL_FPS = 4;
    static final int THUMBNAIL_KBPS = 200;
    static final int THUMBNAIL_GOP = THUMBNAIL_FPS * 10;
    static final long DROP_KEYFRAME_INTERVAL_NANOS = 1_000_000_000L;
    /** A newcomer waits at most this long for its first picture; a quarter second is barely noticed. */
    static final long JOIN_KEYFRAME_INTERVAL_NANOS = 250_000_000L;
    /** After an encoder fails to open, wait this long before trying again (it logs each time). */
    private static final long REOPEN_DELAY_NANOS = 5_000_000_000L;
    /** How long the encoder thread waits for a picture before checking whether it should stop. */
    private static final long TAKE_TIMEOUT_MILLIS = 500;
    private static final int DEFAULT_FPS = 30;

    private static final Logger LOG = System.getLogger(MachinePipeline.class.getName());

    private final MachineConfig config;
    private final StreamMode mode;
    private final CaptureLoop capture;
    private final EncoderProbe probe;
    private final StreamCounters counters;
    private final FrameSlot slot = new FrameSlot();
    private final CopyOnWriteArrayList<ViewerQueue> viewers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean joinKeyframe = new AtomicBoolean();
    private final AtomicBoolean dropKeyframe = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile String encoderName = "";
    private volatile int width;
    private volatile int height;
    // encoder thread only
    private H264Encoder encoder;
    private long sequence;
    private long lastForcedKeyframe;
    private long reopenAfter;
    private long nextThumbnailDue;

    MachinePipeline(MachineConfig config, StreamMode mode, CaptureLoop capture, EncoderProbe probe,
            StreamCounters counters) {
        this.config = config;
        this.mode = mode;
        this.capture = capture;
        this.probe = probe;
        this.counters = counters;
        this.lastForcedKeyframe = System.nanoTime() - DROP_KEYFRAME_INTERVAL_NANOS;
        this.thread = new Thread(this::run, "encode-" + config.name() + "-" + mode.name().toLowerCase());
        thread.setDaemon(true);
    }

    void start() {
        capture.addConsumer(slot);
        thread.start();
    }

    /** Adds a viewer; its queue's first unit will be the IDR picture asked for here. */
    void add(ViewerQueue viewer) {
        viewer.keyframeRequest(() -> dropKeyframe.set(true));
        viewers.addIfAbsent(viewer);
        joinKeyframe.set(true);
    }

    /** Removes a viewer; false if it was not one of this pipeline's. */
    boolean remove(ViewerQueue viewer) {
        return viewers.remove(viewer);
    }

    /** Closes every viewer's queue (the service is shutting down). */
    void closeViewers() {
        for (ViewerQueue viewer : viewers) {
            viewer.close();
        }
        viewers.clear();
    }

    int viewerCount() {
        return viewers.size();
    }

    long viewerDrops() {
        long drops = 0;
        for (ViewerQueue viewer : viewers) {
            drops += viewer.dropped();
        }
        return drops;
    }

    String encoderName() {
        return encoderName;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private void run() {
        AVFrame picture = av_frame_alloc();
        try {
            while (!stopping) {
                CaptureStamp stamp = slot.take(picture, TAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                if (stamp != null && !stopping && due()) {
                    encode(picture, stamp);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "stream " + describe() + " failed; its viewers get no more pictures", e);
            throw e;
        } finally {
            closeEncoder();
            av_frame_free(picture);
        }
    }

    /** Thumbnails skip pictures between their slots, except when a viewer has just joined. */
    private boolean due() {
        if (mode != StreamMode.THUMBNAIL || joinKeyframe.get()) {
            return true;
        }
        return System.nanoTime() - nextThumbnailDue >= 0;
    }

    private void encode(AVFrame picture, CaptureStamp stamp) {
        int[] size = OutputGeometry.of(mode, config, picture.width(), picture.height());
        if (encoder == null || encoder.width() != size[0] || encoder.height() != size[1]) {
            closeEncoder();
            if (!openEncoder(size[0], size[1])) {
                return;
            }
        }
        requestKeyframes();
        long started = System.nanoTime();
        try {
            encoder.encode(picture, stamp, this::fanOut);
        } catch (IOException | IllegalArgumentException e) {
            // A picture swscale cannot convert, or an encoder that failed: start again after a
            // pause, rather than end the stream or fill the log with one line per picture.
            LOG.log(Level.WARNING, "stream {0}: {1}; starting a new encoder in {2} s", describe(), e.getMessage(),
                    Long.toString(REOPEN_DELAY_NANOS / 1_000_000_000L));
            closeEncoder();
            reopenAfter = System.nanoTime() + REOPEN_DELAY_NANOS;
            return;
        }
        long finished = System.nanoTime();
        counters.frameEncoded(finished - started, finished);
        nextThumbnailDue = started + 1_000_000_000L / THUMBNAIL_FPS;
    }

    private void requestKeyframes() {
        long now = System.nanoTime();
        if (now - lastForcedKeyframe >= JOIN_KEYFRAME_INTERVAL_NANOS && joinKeyframe.getAndSet(false)) {
            encoder.requestKeyframe();
            lastForcedKeyframe = now;
        } else if (now - lastForcedKeyframe >= DROP_KEYFRAME_INTERVAL_NANOS && dropKeyframe.getAndSet(false)) {
            encoder.requestKeyframe();
            lastForcedKeyframe = now;
        }
    }

    private boolean openEncoder(int outputWidth, int outputHeight) {
        long now = System.nanoTime();
        if (reopenAfter != 0 && now - reopenAfter < 0) {
            return false;
        }
        EncoderSettings settings = config.encoder();
        try {
            encoder = probe.open(mode == StreamMode.THUMBNAIL ? EncoderProbe.AUTO : settings.encoder(),
                    parameters(settings, outputWidth, outputHeight)).encoder();
            // A new encoder starts with an IDR picture: every viewer can start there.
            joinKeyframe.set(false);
            dropKeyframe.set(false);
            lastForcedKeyframe = now;
            reopenAfter = 0;
            encoderName = encoder.name();
            width = outputWidth;
            height = outputHeight;
            return true;
        } catch (EncoderUnavailableException | IllegalArgumentException e) {
            LOG.log(Level.ERROR, "stream {0}: {1}; trying again in {2} s", describe(), e.getMessage(),
                    Long.toString(REOPEN_DELAY_NANOS / 1_000_000_000L));
            reopenAfter = now + REOPEN_DELAY_NANOS;
            return false;
        }
    }

    private EncoderParameters parameters(EncoderSettings settings, int outputWidth, int outputHeight) {
        int fps = config.fps() > 0 ? config.fps() : DEFAULT_FPS;
        if (mode == StreamMode.THUMBNAIL) {
            return new EncoderParameters(settings.preset(), outputWidth, outputHeight, Math.min(fps, THUMBNAIL_FPS),
                    THUMBNAIL_KBPS, THUMBNAIL_GOP, 1);
        }
        return new EncoderParameters(settings.preset(), outputWidth, outputHeight, fps, settings.bitrateKbps(),
                settings.gopFrames(), 0);
    }

    private void fanOut(byte[] data, boolean keyframe, long ptsMicros, CaptureStamp stamp, long encodedNanos) {
        AccessUnit unit = new AccessUnit(data, keyframe, sequence++, ptsMicros, stamp.epochMicros(), stamp.nanoTime(),
                encodedNanos, encoder.width(), encoder.height());
        counters.bytesEncoded(data.length);
        for (ViewerQueue viewer : viewers) {
            viewer.offer(unit);
        }
    }

    private void closeEncoder() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }

    private String describe() {
        return config.name() + " (" + mode.name().toLowerCase() + ")";
    }

    /** Stops the encoder thread, waits for it and frees its natives; viewers are left to the caller. */
    @Override
    public void close() {
        stopping = true;
        capture.removeConsumer(slot);
        slot.close();
        WorkerThreads.joinUninterruptibly(thread);
        encoderName = "";
    }
}
