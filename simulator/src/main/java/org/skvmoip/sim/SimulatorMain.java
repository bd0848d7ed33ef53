package org.skvmoip.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.skvmoip.firmware.echo.EchoService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts a simulated rack: N modules, each its firmware on a register-accurate W5500 model. */
@Command(name = "skvm-sim", mixinStandardHelpOptions = true,
        description = "Runs SKVMOIP modules (the real firmware on simulated hardware) on this host's loopback.")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--modules", defaultValue = "1", description = "Modules in the rack (default: ${DEFAULT-VALUE}).")
    int modules;

    @Option(names = "--port", defaultValue = "7007",
            description = "Host port of module 0's echo service; module i gets port+i (default: ${DEFAULT-VALUE}). "
                    + "0 picks free ports.")
    int firstPort;

    @Override
    public Integer call() throws Exception {
        if (modules < 1 || modules > 256) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--modules must be 1..256, was " + modules);
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
            int offset = firstPort == 0 ? -1 : firstPort + i - EchoService.PORT;
            rack.add(new SimulatedModule(i, offset).start());
        }
        for (SimulatedModule module : rack) {
            System.out.printf("module %d: echo service on 127.0.0.1:%d (TCP and UDP)  try: nc 127.0.0.1 %d%n",
                    module.index(), module.tcpPort(), module.tcpPort());
        }
        System.out.println("Running; Ctrl-C stops every module.");
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }
}
