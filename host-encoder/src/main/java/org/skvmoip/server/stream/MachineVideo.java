package org.skvmoip.server.stream;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.skvmoip.server.capture.CaptureLoop;
import org.skvmoip.server.capture.CaptureStamp;
import org.skvmoip.server.capture.FrameImages;
import org.skvmoip.server.capture.NoSignalPicture;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.encode.EncoderProbe;

/**
 * Everything video of one machine: one capture, shared by its full and thumbnail streams and by
 * snapshots, running only while one of them needs it; a pipeline per mode running only while it
 * has viewers.
 */
final class MachineVideo {

    private final MachineConfig config;
    private final Map<StreamMode, EncoderProbe> probes;
    private final Map<StreamMode, StreamCounters> counters = new EnumMap<>(StreamMode.class);
    // guarded by this
    private final Map<StreamMode, MachinePipeline> pipelines = new EnumMap<>(StreamMode.class);
    private CaptureLoop capture;
    private int snapshotsTaking;
    private boolean closed;

    MachineVideo(MachineConfig config, Map<StreamMode, EncoderProbe> probes) {
        this.config = config;
        this.probes = probes;
        for (StreamMode mode : StreamMode.values()) {
            counters.put(mode, new StreamCounters());
        }
    }

    String name() {
        return config.name();
    }

    synchronized void subscribe(ViewerQueue viewer) {
        if (closed) {
            throw new IllegalStateException("the video service is closed");
        }
        MachinePipeline pipeline = pipelines.get(viewer.mode());
        if (pipeline == null) {
            pipeline = new MachinePipeline(config, viewer.mode(), startCapture(), probes.get(viewer.mode()),
                    counters.get(viewer.mode()));
            pipelines.put(viewer.mode(), pipeline);
            pipeline.start();
        }
        pipeline.add(viewer);
    }

    synchronized void unsubscribe(ViewerQueue viewer) {
        MachinePipeline pipeline = pipelines.get(viewer.mode());
        if (pipeline == null || !pipeline.remove(viewer)) {
            return;
        }
        viewer.close();
        counters.get(viewer.mode()).viewerLeft(viewer);
        if (pipeline.viewerCount() == 0) {
            pipelines.remove(viewer.mode());
            pipeline.close();
            stopCaptureIfUnused();
        }
    }

    /** The newest captured picture, from a capture started for it when none runs. */
    byte[] snapshot(ImageFormat format, Duration timeout) throws IOException, InterruptedException {
        CaptureLoop source;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the video service is closed");
            }
            source = startCapture();
            snapshotsTaking++;
        }
        AVFrame picture = av_frame_alloc();
        try {
            CaptureStamp stamp = source.newest(picture, timeout);
            BufferedImage image = stamp != null ? FrameImages.toImage(picture)
                    : NoSignalPicture.render(config.name(), CaptureLoop.DEFAULT_WIDTH, CaptureLoop.DEFAULT_HEIGHT);
            return StillImages.encode(image, format);
        } finally {
            av_frame_free(picture);
            synchronized (this) {
                snapshotsTaking--;
                stopCaptureIfUnused();
            }
        }
    }

    private CaptureLoop startCapture() {
        if (capture == null) {
            capture = new CaptureLoop(config);
            capture.start();
        }
        return capture;
    }

    private void stopCaptureIfUnused() {
        if (capture != null && pipelines.isEmpty() && snapshotsTaking == 0) {
            capture.close();
            capture = null;
        }
    }

    /** The machine's streams together: sizes, encoder and rate of the full stream when it runs, else the thumbnail's. */
    synchronized StreamStats stats() {
        StreamStats full = stats(StreamMode.FULL);
        StreamStats thumbnail = stats(StreamMode.THUMBNAIL);
        StreamStats shown = full.running() || !thumbnail.running() ? full : thumbnail;
        return new StreamStats(config.name(), full.running() || thumbnail.running(), shown.signal(),
                full.viewers() + thumbnail.viewers(), shown.encoder(), shown.width(), shown.height(), shown.encodeFps(),
                full.framesEncoded() + thumbnail.framesEncoded(), full.encodeNanosTotal() + thumbnail.encodeNanosTotal(),
                full.framesDropped() + thumbnail.framesDropped(), full.bytesEncoded() + thumbnail.bytesEncoded());
    }

    /** One mode's stream alone. */
    synchronized StreamStats stats(StreamMode mode) {
        MachinePipeline pipeline = pipelines.get(mode);
        StreamCounters modeCounters = counters.get(mode);
        boolean running = pipeline != null;
        return new StreamStats(config.name(), running, capture != null && capture.signal(),
                running ? pipeline.viewerCount() : 0, running ? pipeline.encoderName() : "",
                running ? pipeline.width() : 0, running ? pipeline.height() : 0, running ? modeCounters.fps() : 0,
                modeCounters.frames(), modeCounters.encodeNanos(),
                modeCounters.departedDrops() + (running ? pipeline.viewerDrops() : 0), modeCounters.bytes());
    }

    /** Stops every pipeline and the capture; viewers' queues are closed. */
    synchronized void close() {
        closed = true;
        for (MachinePipeline pipeline : pipelines.values()) {
            pipeline.close();
            pipeline.closeViewers();
        }
        pipelines.clear();
        stopCaptureIfUnused();
    }
}
