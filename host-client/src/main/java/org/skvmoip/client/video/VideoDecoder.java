package org.skvmoip.client.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_NONE;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes one video stream on its own thread: access units go in from the network thread
 * ({@link #submit}), the newest decoded picture comes out to the screen ({@link #takeNewest}).
 *
 * <p>Every unit must be decoded, as later pictures refer to earlier ones; what is dropped when the
 * screen lags is finished pictures ({@link FrameExchange}). When the decoder itself falls behind
 * (its queue fills), when the server dropped units (a gap in the sequence) or when a unit is
 * damaged, the units up to the next keyframe are skipped: H.264 cannot be decoded from the middle
 * of a group of pictures without corrupt pictures, and the server sends a keyframe after a drop.
 *
 * <p>Hardware decoders are tried first ({@link HardwareDecoding}); one that does not open, or fails
 * on the stream, is replaced by the software decoder and the reason kept in {@link #notes()}.
 */
public final class VideoDecoder implements AutoCloseable {

    /** Units waiting for the decoder: about half a second at 60 fps, like the server's viewer queue. */
    static final int QUEUE_UNITS = 32;

    private static final Logger LOG = System.getLogger(VideoDecoder.class.getName());
    private static final EncodedUnit STOP = EncodedUnit.of(new byte[0], false, -1, 0);

    private final BlockingQueue<EncodedUnit> queue = new ArrayBlockingQueue<>(QUEUE_UNITS);
    private final FrameExchange exchange = new FrameExchange();
    private final VideoStatistics statistics = new VideoStatistics();
    private final BgraConverter converter = new BgraConverter();
    private final List<String> notes = new ArrayList<>();
    private final Thread thread;
    private H264Decoder decoder;
    private DecodedPicture writing;
    private volatile boolean closed;
    /** Network thread only: the last sequence submitted, to spot gaps. */
    private long lastSubmitted = -1;
    /** Network thread only: units are thrown away until a keyframe. */
    private boolean skippingToKeyframe;
    /** Decoder thread only: skip units until a keyframe. */
    private boolean awaitingKeyframe = true;
    private long captureOfCurrent;
    private long sequenceOfCurrent;
    private long decodeStartNanos;

    private VideoDecoder(H264Decoder decoder, String streamName) {
        this.decoder = decoder;
        this.thread = new Thread(this::run, "video-decoder " + streamName);
        thread.setDaemon(true);
    }

    /**
     * Opens the first decoder of {@code choice} that opens ({@link HardwareDecoding}), software last,
     * and starts decoding.
     *
     * @param streamName names the thread (the machine's name)
     */
    public static VideoDecoder start(String choice, String streamName) {
        List<String> rejected = new ArrayList<>();
        H264Decoder opened = null;
        for (int type : HardwareDecoding.deviceTypes(choice)) {
            try {
                opened = H264Decoder.open(type);
                break;
            } catch (IOException e) {
                rejected.add(e.getMessage());
            }
        }
        if (opened == null) {
            opened = openSoftware();
        }
        VideoDecoder video = new VideoDecoder(opened, streamName);
        synchronized (video.notes) {
            video.notes.addAll(rejected);
        }
        video.thread.start();
        return video;
    }

    private static H264Decoder openSoftware() {
        try {
            return H264Decoder.open(AV_HWDEVICE_TYPE_NONE);
        } catch (IOException e) {
            throw new IllegalStateException("FFmpeg's software H.264 decoder does not open: " + e.getMessage(), e);
        }
    }

    /**
     * Queues a unit for decoding; never blocks. Call from one thread (the socket's). When the
     * queue is full the decoder has fallen behind: what waits is thrown away and decoding resumes
     * at the next keyframe; so it does after a gap in the server's sequence numbers.
     */
    public void submit(EncodedUnit unit) {
        if (closed) {
            return;
        }
        statistics.received(unit.length());
        boolean gap = lastSubmitted >= 0 && unit.sequence() != ((lastSubmitted + 1) & 0xFFFF_FFFFL);
        lastSubmitted = unit.sequence();
        if (gap) {
            skippingToKeyframe = true;
        }
        if (skippingToKeyframe && !unit.keyframe()) {
            statistics.skipped(1);
            return;
        }
        skippingToKeyframe = false;
        if (!queue.offer(unit)) {
            int waiting = queue.size();
            queue.clear();
            if (unit.keyframe()) {
                statistics.skipped(waiting);
                queue.offer(unit);
            } else {
                statistics.skipped(waiting + 1L);
                skippingToKeyframe = true;
            }
        }
    }

    /** The newest picture decoded since the last call, or null; give it back when drawn. */
    public DecodedPicture takeNewest() {
        DecodedPicture picture = exchange.take();
        if (picture != null) {
            statistics.shown(picture.captureMicros(), nowMicros());
        }
        return picture;
    }

    /** Returns a picture from {@link #takeNewest} once its pixels are copied. */
    public void giveBack(DecodedPicture picture) {
        exchange.giveBack(picture);
    }

    /** Rates since the previous sample. */
    public VideoStats sample() {
        return statistics.sample(decoderName(), exchange.dropped(), System.nanoTime());
    }

    /** The decoder in use: "software", or a device such as "cuda" or "vaapi". */
    public synchronized String decoderName() {
        H264Decoder d = decoder;
        return d == null ? "closed" : d.name();
    }

    /** Why hardware decoders were not used (empty when the first one opened and works). */
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    private void run() {
        writing = exchange.forWriting();
        try {
            while (!closed) {
                EncodedUnit unit = queue.poll(1, TimeUnit.SECONDS);
                if (unit == null) {
                    continue;
                }
                if (unit == STOP) {
                    return;
                }
                decodeOne(unit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeDecoder();
        }
    }

    private void decodeOne(EncodedUnit unit) {
        if (awaitingKeyframe && !unit.keyframe()) {
            statistics.skipped(1);
            return;
        }
        awaitingKeyframe = false;
        captureOfCurrent = unit.captureMicros();
        sequenceOfCurrent = unit.sequence();
        decodeStartNanos = System.nanoTime();
        try {
            currentDecoder().decode(unit.annexB(), unit.offset(), unit.length(), this::show);
        } catch (IOException | RuntimeException e) {
            handleFailure(unit, e);
        }
    }

    private synchronized H264Decoder currentDecoder() {
        return decoder;
    }

    private void show(AVFrame picture) {
        converter.convert(picture, writing);
        writing.stamp(sequenceOfCurrent, captureOfCurrent);
        // Decode and conversion together: what the picture cost this machine.
        statistics.decoded(System.nanoTime() - decodeStartNanos, writing.width(), writing.height());
        writing = exchange.publish(writing);
    }

    private void handleFailure(EncodedUnit unit, Exception failure) {
        H264Decoder failed = currentDecoder();
        statistics.skipped(1);
        if (failed.usesDevice()) {
            String note = failed.name() + " failed on the stream (" + failure.getMessage() + "); decoding in software";
            LOG.log(Level.WARNING, note);
            synchronized (notes) {
                notes.add(note);
            }
            synchronized (this) {
                decoder = openSoftware();
            }
            failed.close();
            awaitingKeyframe = true;
            if (unit.keyframe()) {
                decodeOne(unit);
            }
            return;
        }
        LOG.log(Level.DEBUG, () -> "unit " + unit.sequence() + " did not decode (" + failure.getMessage()
                + "); waiting for a keyframe");
        failed.reset();
        awaitingKeyframe = true;
    }

    private synchronized void closeDecoder() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        converter.close();
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    /** Stops the thread and frees the decoder; pictures already taken stay readable. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        queue.offer(STOP);
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
