package org.skvmoip.server.api.socket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.skvmoip.server.stream.ViewerQueue;

/**
 * What the video sockets sent per machine, for the metrics (sampled at each scrape): bytes and
 * access units written, and access units dropped because a viewer was slow (counted by each
 * viewer's queue).
 */
public final class ViewerTraffic {

    private static final class Machine {
        final LongAdder bytes = new LongAdder();
        final LongAdder units = new LongAdder();
        final AtomicLong droppedByClosedViewers = new AtomicLong();
        final Set<ViewerQueue> live = ConcurrentHashMap.newKeySet();
    }

    private final Map<String, Machine> machines = new ConcurrentHashMap<>();

    void opened(ViewerQueue viewer) {
        machine(viewer.machine()).live.add(viewer);
    }

    void sent(String machine, long bytes) {
        Machine m = machine(machine);
        m.bytes.add(bytes);
        m.units.increment();
    }

    void closed(ViewerQueue viewer) {
        Machine m = machine(viewer.machine());
        if (m.live.remove(viewer)) {
            m.droppedByClosedViewers.addAndGet(viewer.dropped());
        }
    }

    public long bytesSent(String machine) {
        Machine m = machines.get(machine);
        return m == null ? 0 : m.bytes.sum();
    }

    public long unitsSent(String machine) {
        Machine m = machines.get(machine);
        return m == null ? 0 : m.units.sum();
    }

    /** Dropped by every viewer the machine had, gone or still watching. */
    public long framesDropped(String machine) {
        Machine m = machines.get(machine);
        if (m == null) {
            return 0;
        }
        long dropped = m.droppedByClosedViewers.get();
        for (ViewerQueue viewer : m.live) {
            dropped += viewer.dropped();
        }
        return dropped;
    }

    private Machine machine(String name) {
        return machines.computeIfAbsent(name, n -> new Machine());
    }
}
