package org.skvmoip.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.config.MachineConfig;

/**
 * What viewers cost the server: one stream through the real API (TLS WebSockets), watched by a
 * {@link ViewerFleet} of N viewers in a child JVM; the server process's CPU time and the video
 * bytes it sends over a window, for each N. The capture and the encoder are the same whatever N
 * is, so the difference between N is the cost of the fan-out: queues, WebSocket framing, TLS.
 */
final class ViewerCostBenchmark {

    /** The server's threads that serve the API's sockets: WebSocket framing and TLS for every viewer. */
    static final String SOCKET_THREADS = "api-io";

    record Load(int viewers, double cpuPercentOfOneCore, double socketThreadsPercent, double bytesPerSecond,
            String fleet, String load) {
    }

    private ViewerCostBenchmark() {
    }

    static List<Load> measure(int width, int height, int fps, int[] viewerCounts, Duration warmUp, Duration window)
            throws Exception {
        MachineConfig machine = Sources.testPattern("fan-out", width, height, fps);
        List<Load> loads = new ArrayList<>();
        try (BenchServer server = BenchServer.start(List.of(machine))) {
            String token = server.login();
            for (int viewers : viewerCounts) {
                loads.add(measure(server, machine.name(), token, viewers, warmUp, window));
                // The last viewer out stops the pipeline; let it stop before the next fleet starts it.
                Thread.sleep(1_000);
            }
        }
        return loads;
    }

    private static Load measure(BenchServer server, String machine, String token, int viewers, Duration warmUp,
            Duration window) throws Exception {
        Process fleet = startFleet(server, machine, viewers);
        try (Writer toFleet = fleet.outputWriter(StandardCharsets.UTF_8);
                BufferedReader fromFleet = new BufferedReader(new InputStreamReader(fleet.getInputStream(),
                        StandardCharsets.UTF_8))) {
            toFleet.write(token + "\n");
            toFleet.flush();
            String line = fromFleet.readLine();
            if (!ViewerFleet.CONNECTED.equals(line)) {
                throw new IOException("the viewer fleet did not connect: " + line);
            }
            Thread.sleep(warmUp.toMillis());
            long bytesBefore = server.server().api().traffic().bytesSent(machine);
            long cpuBefore = Host.processCpuNanos();
            ThreadCpu sockets = new ThreadCpu(SOCKET_THREADS);
            long started = System.nanoTime();
            Thread.sleep(window.toMillis());
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (Host.processCpuNanos() - cpuBefore) / 1e9 / seconds * 100;
            double socketCpu = sockets.seconds() / seconds * 100;
            double bytesPerSecond = (server.server().api().traffic().bytesSent(machine) - bytesBefore) / seconds;
            String load = Host.loadAverage();
            toFleet.close();
            String summary = fromFleet.readLine();
            return new Load(viewers, cpu, socketCpu, bytesPerSecond, summary, load);
        } finally {
            if (!fleet.waitFor(10, TimeUnit.SECONDS)) {
                fleet.destroyForcibly();
            }
        }
    }

    /** A child JVM on this JVM's class path; its errors go to our standard error. */
    private static Process startFleet(BenchServer server, String machine, int viewers) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ViewerFleet.class.getName(), server.videoUri(machine).toString(),
                server.server().certificateFile().toString(), Integer.toString(viewers))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
