package org.skvmoip.server.api.socket;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.skvmoip.server.stream.ViewerQueue;

/**
 * What the video sockets sent per machine, for the metrics: bytes and access units written, and
 * access units dropped because a viewer was slow (counted by each viewer's queue).
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

    /** Prometheus text format: three counters labelled by machine. */
    public String prometheusText() {
        StringBuilder out = new StringBuilder();
        Map<String, Machine> sorted = new TreeMap<>(machines);
        counter(out, "skvmoip_viewer_bytes_sent_total", "Bytes of video frames written to viewers' sockets.",
                sorted, this::bytesSent);
        counter(out, "skvmoip_viewer_units_sent_total", "Access units written to viewers' sockets.",
                sorted, this::unitsSent);
        counter(out, "skvmoip_viewer_frames_dropped_total",
                "Access units dropped for viewers whose connection could not keep up.", sorted, this::framesDropped);
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, Map<String, Machine> machines,
            java.util.function.ToLongFunction<String> value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        for (String machine : machines.keySet()) {
            out.append(name).append("{machine=\"").append(labelValue(machine)).append("\"} ")
                    .append(value.applyAsLong(machine)).append('\n');
        }
    }

    private static String labelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private Machine machine(String name) {
        return machines.computeIfAbsent(name, n -> new Machine());
    }
}
