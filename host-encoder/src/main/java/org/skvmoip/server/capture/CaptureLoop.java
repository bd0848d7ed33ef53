package org.skvmoip.server.capture;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.skvmoip.server.config.MachineConfig;

/**
 * One machine's capture on its own thread: opens the source, decodes pictures and hands each to
 * every consumer's {@link FrameSlot} (and keeps the newest for snapshots). When the source fails
 * to open or stops delivering, consumers get the "no signal" picture twice a second while the
 * capture retries, first after {@link #FIRST_RETRY}, then doubling up to {@link #MAX_RETRY}; the
 * first picture from the source again ends the outage and resets the delay.
 *
 * <p>While an attempt to open hangs (up to {@link CaptureSource#OPEN_TIMEOUT}) no picture comes.
 */
public final class CaptureLoop implements AutoCloseable {

    public static final Duration FIRST_RETRY = Duration.ofMillis(500);
    public static final Duration MAX_RETRY = Duration.ofSeconds(5);
    /** Often enough that a viewer joining during an outage sees the picture at once. */
    public static final Duration NO_SIGNAL_PERIOD = Duration.ofMillis(500);
    /** The "no signal" picture's size when neither the configuration nor the source has said one. */
    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;

    private static final Logger LOG = System.getLogger(CaptureLoop.class.getName());

    private final MachineConfig config;
    private final CopyOnWriteArrayList<FrameSlot> consumers = new CopyOnWriteArrayList<>();
    private final FrameSlot newest = new FrameSlot();
    private final Thread thread;
    private final Object stopSignal = new Object();
    private volatile boolean stopping;
    private volatile boolean signal;
    /** Why there is no signal (logged once per outage); empty while there is. */
    private volatile String problem = "";
    // capture thread only
    private AVFrame noSignalFrame;
    private int sourceWidth;
    private int sourceHeight;

    public CaptureLoop(MachineConfig config) {
        this.config = config;
        this.thread = new Thread(this::run, "capture-" + config.name());
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** From now on {@code slot} gets every picture (the newest replacing one not yet taken). */
    public void addConsumer(FrameSlot slot) {
        consumers.add(slot);
    }

    public void removeConsumer(FrameSlot slot) {
        consumers.remove(slot);
    }

    /** Whether the source delivers pictures now (false: consumers get the "no signal" picture). */
    public boolean signal() {
        return signal;
    }

    /**
     * A reference to the newest picture in {@code target}, waiting up to {@code timeout} for the
     * first one. Returns its stamp, or null when none came in time.
     */
    public CaptureStamp newest(AVFrame target, Duration timeout) throws InterruptedException {
        return newest.peek(target, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        try {
            while (!stopping) {
                if (captureUntilLost()) {
                    retry = FIRST_RETRY;
                }
                showNoSignalFor(retry);
                retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "capture of machine " + config.name() + " failed; viewers get no more pictures", e);
            throw e;
        } finally {
            signal = false;
            if (noSignalFrame != null) {
                av_frame_free(noSignalFrame);
                noSignalFrame = null;
            }
        }
    }

    /** Captures until the source fails or the loop stops; returns whether any picture came. */
    private boolean captureUntilLost() {
        boolean delivered = false;
        try (CaptureSource source = CaptureSource.open(config, () -> stopping)) {
            while (!stopping) {
                CaptureStamp stamp = source.next();
                AVFrame picture = source.frame();
                if (!delivered) {
                    delivered = true;
                    if (!problem.isEmpty()) {
                        LOG.log(Level.INFO, "machine {0}: signal back from {1}", config.name(), config.source());
                    }
                    signal = true;
                    problem = "";
                }
                sourceWidth = picture.width();
                sourceHeight = picture.height();
                publish(picture, stamp);
            }
        } catch (IOException e) {
            if (!stopping) {
                if (!String.valueOf(e.getMessage()).equals(problem)) {
                    LOG.log(Level.WARNING, "machine {0}: no signal ({1}); viewers see the no-signal picture while"
                            + " the capture retries, every {2} s at most", config.name(), e.getMessage(),
                            Long.toString(MAX_RETRY.toSeconds()));
                }
                problem = String.valueOf(e.getMessage());
            }
        }
        signal = false;
        return delivered;
    }

    private void showNoSignalFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        synchronized (stopSignal) {
            while (!stopping) {
                publish(noSignalFrame(), CaptureStamp.now(false));
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(stopSignal, Math.min(left, NO_SIGNAL_PERIOD.toNanos()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private AVFrame noSignalFrame() {
        int width = config.width() > 0 ? config.width() : sourceWidth > 0 ? sourceWidth : DEFAULT_WIDTH;
        int height = config.height() > 0 ? config.height() : sourceHeight > 0 ? sourceHeight : DEFAULT_HEIGHT;
        if (noSignalFrame == null || noSignalFrame.width() != width || noSignalFrame.height() != height) {
            if (noSignalFrame != null) {
                av_frame_free(noSignalFrame);
            }
            noSignalFrame = FrameImages.toFrame(NoSignalPicture.render(config.name(), width, height));
        }
        return noSignalFrame;
    }

    private void publish(AVFrame picture, CaptureStamp stamp) {
        newest.put(picture, stamp);
        for (FrameSlot consumer : consumers) {
            consumer.put(picture, stamp);
        }
    }

    /** Stops the capture (ending any wait inside FFmpeg), joins its thread and frees its pictures. */
    @Override
    public void close() {
        stopping = true;
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
        // Ends a pacing pause of a file or generator source at once.
        LockSupport.unpark(thread);
        WorkerThreads.joinUninterruptibly(thread);
        newest.close();
    }
}
