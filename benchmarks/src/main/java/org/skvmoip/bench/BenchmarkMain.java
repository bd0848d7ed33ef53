package org.skvmoip.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.skvmoip.bench.client.ClientBenchmarks;
import org.skvmoip.bench.server.ServerBenchmarks;
import org.skvmoip.sim.probe.AllocationProbe;
import org.skvmoip.sim.probe.AllocationResult;
import org.skvmoip.sim.probe.FootprintReport;
import org.skvmoip.sim.scenario.ControlTrafficScenario;
import org.skvmoip.sim.scenario.EchoTrafficScenario;
import org.skvmoip.sim.scenario.FirmwareStartUpScenario;

/**
 * Runs the benchmarks and prints their results as the markdown that goes into BENCHMARKS.md:
 * with no argument the module's (also written to benchmarks/target/benchmarks.md), with
 * {@code server} the server's (benchmarks/target/server-benchmarks.md; {@code server quick}
 * runs them briefly, to try them out, not for numbers), with {@code client} the client's
 * (benchmarks/target/client-benchmarks.md; {@code client quick} likewise).
 */
public final class BenchmarkMain {

    private static final double SPI_21_MHZ = 21e6;
    private static final double SPI_42_MHZ = 42e6;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            boolean quick = args.length > 1 && args[1].equals("quick");
            publish(ServerBenchmarks.run(quick ? ServerBenchmarks.QUICK : ServerBenchmarks.FULL),
                    Path.of("benchmarks/target/server-benchmarks.md"));
            return;
        } else if (args.length > 0 && args[0].equals("client")) {
            boolean quick = args.length > 1 && args[1].equals("quick");
            publish(ClientBenchmarks.run(quick ? ClientBenchmarks.QUICK : ClientBenchmarks.FULL),
                    Path.of("benchmarks/target/client-benchmarks.md"));
            System.exit(0);
        } else if (args.length > 0) {
            System.err.println("usage: BenchmarkMain [server [quick] | client [quick]]   (no argument: the module's"
                    + " benchmarks)");
            System.exit(2);
        }
        module();
    }

    private static void module() throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version"))
                .append(" (").append(ManagementFactory.getRuntimeMXBean().getVmName()).append(")\n\n");

        md.append("### W5500 driver: SPI cost per operation (counted by the model)\n\n");
        md.append("| operation | payload | SPI bytes | SPI frames | bus time at 21 MHz | at 42 MHz |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (SpiCostBenchmark.Cost cost : SpiCostBenchmark.measure()) {
            md.append(String.format("| %s | %d B | %d | %d | %.1f us | %.1f us |%n", cost.operation(), cost.payload(),
                    cost.bytes(), cost.frames(), cost.micros(SPI_21_MHZ), cost.micros(SPI_42_MHZ)));
        }

        EchoThroughputBenchmark.Result echo = EchoThroughputBenchmark.measure(16, 3);
        md.append("\n### Echo throughput through the simulator (one TCP connection, median of 3)\n\n");
        md.append("| payload | throughput | SPI bytes per echoed byte | SPI time per echoed KB at 21 MHz |\n");
        md.append("| ---: | ---: | ---: | ---: |\n");
        md.append(String.format("| %d MB | %.1f MB/s | %.2f | %.0f us |%n", echo.megabytes(), echo.megabytesPerSecond(),
                echo.spiBytesPerEchoedByte(), echo.spiBytesPerEchoedByte() * 1024 * 8 / SPI_21_MHZ * 1e6));

        InputLatencyBenchmark.Result input = InputLatencyBenchmark.measure(500, 2_000, 20_000);
        md.append("\n### Input latency: KEYBOARD frame written to the module's socket -> HID report\n\n");
        md.append(String.format("%d frames, one at a time.%n%n", input.frames()));
        md.append("| until the report | p50 | p99 | max |\n| --- | ---: | ---: | ---: |\n");
        long[] left = input.leftModule();
        long[] taken = input.takenByHost();
        md.append(String.format("| leaves the module (loaded into its USB IN endpoint) | %d us | %d us | %d us |%n",
                InputLatencyBenchmark.Result.p(left, 50), InputLatencyBenchmark.Result.p(left, 99), left[left.length - 1]));
        md.append(String.format("| is taken by the host's 1 ms poll | %d us | %d us | %d us |%n",
                InputLatencyBenchmark.Result.p(taken, 50), InputLatencyBenchmark.Result.p(taken, 99), taken[taken.length - 1]));
        md.append(String.format("%nSPI bytes per input frame (everything the loop read and wrote, status and keep-alives"
                + " included): %.0f, %.1f us of bus at 21 MHz. Frames one module takes back to back: %.0f per second"
                + " (the simulator on this host, not the MCU).%n", input.spiBytesPerFrame(),
                input.spiBytesPerFrame() * 8 / SPI_21_MHZ * 1e6, input.framesPerSecond()));

        IdleRackBenchmark.Result idle = IdleRackBenchmark.measure(16, 10);
        md.append(String.format("%n### Idle rack%n%n%d idle simulated machines (firmware, W5500 model, USB host polling"
                + " every 1 ms, virtual target; no sessions, no video) cost %.1f%% of one core over 10 s (%d threads)."
                + " Each idle module's main loop woke %.1f times per second.%n",
                idle.modules(), idle.percentOfOneCore(), idle.threads(), idle.wakeUpsPerModulePerSecond()));

        AllocationResult allocation = AllocationProbe.measure(EchoTrafficScenario.class, 500, 5_000);
        AllocationResult controlAllocation = AllocationProbe.measure(ControlTrafficScenario.class, 200, 2_000);
        md.append("\n### Allocation in the firmware main loop under TCP + UDP echo traffic (-Xint)\n\n");
        md.append(String.format("%d iterations, %d bytes allocated: %.2f bytes per iteration.%n",
                allocation.iterations(), allocation.totalBytes(), allocation.bytesPerIteration()));
        md.append(String.format("%nUnder authenticated keyboard + pointer frames (decode, MAC check, HID reports, status):"
                + " %d iterations, %d bytes allocated: %.2f bytes per iteration.%n", controlAllocation.iterations(),
                controlAllocation.totalBytes(), controlAllocation.bytesPerIteration()));

        FootprintReport footprint = FootprintReport.ofFirmware().withStartUp(
                FootprintReport.measureStartUp("firmware start, first run", FirmwareStartUpScenario.class));
        AllocationResult steadyStart = AllocationProbe.measure(FirmwareStartUpScenario.class, 2, 10);
        md.append("\n### Footprint\n\n").append(footprint.toMarkdown());
        md.append(String.format("%nThe first run includes HotSpot's one-time class initialisation; constructing and"
                + " starting the firmware again, with its classes initialised, allocates %.0f bytes: its objects and"
                + " buffers.%n", steadyStart.bytesPerIteration()));

        publish(md.toString(), Path.of("benchmarks/target/benchmarks.md"));
    }

    private static void publish(String md, Path out) throws Exception {
        System.out.println(md);
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, md);
        }
    }
}
