package org.skvmoip.bench.server;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process's threads whose names start with a prefix (the server names its
 * threads: "api-io-..." serve the API's sockets, "encode-..." encode, "capture-..." capture), so
 * the cost of one part is seen apart from the others.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String prefix;
    private final Map<Long, Long> startNanos = new HashMap<>();

    /** Starts counting the CPU time of the threads named {@code prefix}...; threads started later count from 0. */
    ThreadCpu(String prefix) {
        this.prefix = prefix;
        startNanos.putAll(now());
    }

    /** CPU seconds those threads used since construction (threads that ended meanwhile are lost). */
    double seconds() {
        long total = 0;
        for (Map.Entry<Long, Long> thread : now().entrySet()) {
            total += thread.getValue() - startNanos.getOrDefault(thread.getKey(), 0L);
        }
        return total / 1e9;
    }

    private Map<Long, Long> now() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
