package org.skvmoip.server.api.socket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the video sockets wrote per machine, for the metrics: bytes (headers and access units) and
 * access units. (Units dropped for slow viewers are counted by their queues, in StreamStats.)
 */
public final class ViewerTraffic {

    private static final class Machine {
        final LongAdder bytes = new LongAdder();
        final LongAdder units = new LongAdder();
    }

    private final Map<String, Machine> machines = new ConcurrentHashMap<>();

    void sent(String machine, long bytes) {
        Machine m = machine(machine);
        m.bytes.add(bytes);
        m.units.increment();
    }

    public long bytesSent(String machine) {
        Machine m = machines.get(machine);
        return m == null ? 0 : m.bytes.sum();
    }

    public long unitsSent(String machine) {
        Machine m = machines.get(machine);
        return m == null ? 0 : m.units.sum();
    }

    private Machine machine(String name) {
        return machines.computeIfAbsent(name, n -> new Machine());
    }
}
