package org.skvmoip.bench.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the host is and how busy it is while a benchmark measures. */
public final class Host {

    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private Host() {
    }

    /**
     * The 1, 5 and 15 minute load averages as {@code uptime} prints them: other work on this host
     * competes with the server for its cores, and a load above about 1 on 2 cores shows in the numbers.
     */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(LOAD_AVERAGE).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            double oneMinute = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return oneMinute < 0 ? "unknown" : String.format("%.2f", oneMinute);
        }
    }

    /** CPU time this process has used, all threads, native code included. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
