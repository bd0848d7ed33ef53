package org.skvmoip.server.api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.skvmoip.server.stream.AccessUnit;
import org.skvmoip.server.stream.ImageFormat;
import org.skvmoip.server.stream.StreamMode;
import org.skvmoip.server.stream.StreamStats;
import org.skvmoip.server.stream.UnknownMachineException;
import org.skvmoip.server.stream.VideoService;
import org.skvmoip.server.stream.ViewerQueue;

/** A video service of our own interface for API tests: the test is the encoder and publishes units. */
final class FakeVideoService implements VideoService {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 4, 5, 6};

    private final Set<String> machines;
    private final List<ViewerQueue> viewers = new CopyOnWriteArrayList<>();

    FakeVideoService(Set<String> machines) {
        this.machines = machines;
    }

    @Override
    public ViewerQueue subscribe(String machine, StreamMode mode) {
        if (!machines.contains(machine)) {
            throw new UnknownMachineException(machine);
        }
        ViewerQueue queue = new ViewerQueue(machine, mode);
        viewers.add(queue);
        synchronized (this) {
            notifyAll();
        }
        return queue;
    }

    @Override
    public void unsubscribe(ViewerQueue viewer) {
        viewer.close();
        viewers.remove(viewer);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Offers the unit to every viewer of the machine, as the pipeline does. */
    void publish(String machine, AccessUnit unit) {
        for (ViewerQueue viewer : viewers) {
            if (viewer.machine().equals(machine)) {
                viewer.offer(unit);
            }
        }
    }

    /** Waits (bounded) until the machine has {@code count} viewers; returns them in subscription order. */
    synchronized List<ViewerQueue> awaitViewers(String machine, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (viewersOf(machine).size() != count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " viewers of " + machine + ", have "
                        + viewersOf(machine).size());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return viewersOf(machine);
    }

    private List<ViewerQueue> viewersOf(String machine) {
        List<ViewerQueue> of = new ArrayList<>();
        for (ViewerQueue viewer : viewers) {
            if (viewer.machine().equals(machine)) {
                of.add(viewer);
            }
        }
        return of;
    }

    @Override
    public byte[] snapshot(String machine, ImageFormat format, Duration timeout) throws IOException {
        if (!machines.contains(machine)) {
            throw new UnknownMachineException(machine);
        }
        return format == ImageFormat.PNG ? PNG.clone() : JPEG.clone();
    }

    @Override
    public List<StreamStats> stats() {
        List<StreamStats> stats = new ArrayList<>();
        for (String machine : machines) {
            int count = viewersOf(machine).size();
            stats.add(new StreamStats(machine, count > 0, count > 0, count, count > 0 ? "fake264" : "", 1024, 768,
                    count > 0 ? 60 : 0, 0, 0, 0, 0));
        }
        return stats;
    }

    @Override
    public void close() {
        viewers.forEach(ViewerQueue::close);
    }
}
