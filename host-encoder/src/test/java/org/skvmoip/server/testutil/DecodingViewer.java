package org.skvmoip.server.testutil;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.skvmoip.server.stream.AccessUnit;
import org.skvmoip.server.stream.ViewerQueue;

/**
 * A viewer for tests: drains a {@link ViewerQueue} on the test's thread, decodes every access
 * unit as a real viewer would, and keeps what it received.
 */
public final class DecodingViewer implements AutoCloseable {

    private static final long IDLE_MILLIS = 5;

    private final ViewerQueue queue;
    private final H264TestDecoder decoder = new H264TestDecoder();
    private final List<AccessUnit> received = new ArrayList<>();
    private BufferedImage latest;

    public DecodingViewer(ViewerQueue queue) {
        this.queue = queue;
    }

    /**
     * Receives and decodes until the newest picture satisfies {@code wanted}, and returns it.
     *
     * @throws AssertionError none did within {@code timeout}, with what was seen
     */
    public BufferedImage awaitPicture(String what, Predicate<BufferedImage> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean decodedAny = false;
            for (AccessUnit unit = queue.poll(); unit != null; unit = queue.poll()) {
                received.add(unit);
                List<BufferedImage> pictures = decoder.decode(unit.data());
                if (!pictures.isEmpty()) {
                    latest = pictures.get(pictures.size() - 1);
                    decodedAny = true;
                }
            }
            if (decodedAny && wanted.test(latest)) {
                return latest;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no picture showed " + what + " within " + timeout.toMillis() + " ms; received "
                        + received.size() + " units, " + decoder.pictures() + " pictures");
            }
            Thread.sleep(IDLE_MILLIS);
        }
    }

    /** Receives until {@code count} more units have come, decoding them. */
    public List<AccessUnit> awaitUnits(int count, Duration timeout) throws InterruptedException {
        int target = received.size() + count;
        awaitPicture(count + " more units", picture -> received.size() >= target, timeout);
        return List.copyOf(received.subList(target - count, received.size()));
    }

    /** Every unit received so far, in order. */
    public List<AccessUnit> received() {
        return received;
    }

    public ViewerQueue queue() {
        return queue;
    }

    @Override
    public void close() {
        decoder.close();
    }
}
