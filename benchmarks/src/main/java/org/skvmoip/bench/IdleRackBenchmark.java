package org.skvmoip.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.skvmoip.sim.SimulatedModule;

/**
 * CPU a rack of idle simulated machines costs this host: N modules (firmware loop, W5500 model,
 * USB host model polling every 1 ms as a PC does, virtual target), no sessions, no video.
 */
final class IdleRackBenchmark {

    record Result(int modules, double percentOfOneCore, int threads, double wakeUpsPerModulePerSecond) {
    }

    static Result measure(int modules, int seconds) throws Exception {
        List<SimulatedModule> rack = new ArrayList<>();
        try {
            for (int i = 0; i < modules; i++) {
                rack.add(new SimulatedModule(i, -1).start());
            }
            Thread.sleep(2_000); // let start-up work finish
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long passesBefore = passes(rack);
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            double cpu = os.getProcessCpuTime() - cpuBefore;
            double wall = System.nanoTime() - wallBefore;
            double wakeUps = (passes(rack) - passesBefore) / (wall / 1e9) / modules;
            return new Result(modules, 100.0 * cpu / wall, Thread.activeCount(), wakeUps);
        } finally {
            for (SimulatedModule module : rack) {
                module.close();
            }
        }
    }

    private static long passes(List<SimulatedModule> rack) {
        return rack.stream().mapToLong(module -> module.firmware().passes()).sum();
    }
}
