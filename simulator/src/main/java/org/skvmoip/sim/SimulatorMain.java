package org.skvmoip.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.skvmoip.protocol.Protocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts a simulated rack: N machines, each with its module (the real firmware on simulated
 * hardware) plugged into its USB port and front panel, and its screen served as a video stream.
 */
@Command(name = "skvm-sim", mixinStandardHelpOptions = true,
        description = "Runs a rack of simulated machines with their SKVMOIP modules on this host's loopback.")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--modules", defaultValue = "4", description = "Machines in the rack (default: ${DEFAULT-VALUE}).")
    int modules;

    @Option(names = "--port-base", defaultValue = "20000",
            description = "Module i's chip port P is reachable on host port P + base + 100*i, e.g. control 7390 -> "
                    + "27390 for module 0 (default: ${DEFAULT-VALUE}). -1 picks free ports.")
    int portBase;

    @Option(names = "--fps", defaultValue = "10", description = "Frames per second of each screen stream (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--echo", description = "Switch on every module's echo diagnostic (TCP and UDP port 7, RFC 862),"
            + " off in the product.")
    boolean echo;

    @Option(names = "--board", defaultValue = SimulatedModule.JAVA_BOARD,
            description = "The modules' board: java (simulated in Java, fast) or stm32 (the device's own C on register "
                    + "models of the STM32F401; builds it with gcc on first use) (default: ${DEFAULT-VALUE}).")
    String board;

    @Override
    public Integer call() throws Exception {
        if (modules < 1 || modules > 64) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--modules must be 1..64, was " + modules);
        }
        if (!board.equals(SimulatedModule.JAVA_BOARD) && !board.equals(SimulatedModule.STM32_BOARD)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--board must be "
                    + SimulatedModule.JAVA_BOARD + " or " + SimulatedModule.STM32_BOARD + ", was " + board);
        }
        List<SimulatedModule> rack = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (SimulatedModule module : rack) {
                try {
                    module.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stopped.countDown();
        }));
        for (int i = 0; i < modules; i++) {
            int offset = portBase < 0 ? -1 : portBase + 100 * i;
            SimulatedModule module = new SimulatedModule(i, offset, board).withVideo(fps);
            rack.add((echo ? module.withEchoDiagnostic() : module).start());
        }
        System.out.printf("%-8s %-8s %-10s %-10s %-6s %s%n", "machine", "control", "discovery", "echo", "power",
                "screen (open in a browser, or: ffplay -f mpjpeg URL)");
        for (SimulatedModule module : rack) {
            System.out.printf("%-8d %-8d %-10d %-10s %-6s %s%n", module.index(), module.controlPort(),
                    module.discoveryPort(), echo ? String.valueOf(module.echoTcpPort()) : "off",
                    module.target().state(), module.videoUrl());
        }
        System.out.printf("%nEach module speaks the control protocol (docs/protocol.md, chip port %d) and waits to be"
                + " adopted by a server.%n", Protocol.CONTROL_TCP_PORT);
        if (echo) {
            System.out.printf("Try the echo diagnostic: nc 127.0.0.1 %d%n", rack.get(0).echoTcpPort());
        }
        System.out.printf("Running; Ctrl-C stops the rack.%n");
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }
}
