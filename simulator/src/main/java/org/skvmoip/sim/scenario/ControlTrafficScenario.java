package org.skvmoip.sim.scenario;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.control.ControlClient;
import org.skvmoip.sim.probe.AllocationScenario;

/**
 * The firmware main loop while a server sends authenticated keyboard and pointer frames as fast
 * as the connection takes them: the whole input path (W5500 receive, frame decode, MAC check,
 * HID reports to the USB host, status and keep-alives back), one loop pass per
 * {@link #runOnce()} on the measuring thread.
 */
public final class ControlTrafficScenario implements AllocationScenario {

    static final byte[] SECRET = "allocation-probe-secret-32-bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long SETUP_TIMEOUT_MILLIS = 15_000;

    private SimulatedModule module;
    private ControlClient server;
    private Thread traffic;
    private volatile boolean running = true;
    private volatile long reports;
    private long reportsAtStart;

    @Override
    public void setUp() throws Exception {
        module = new SimulatedModule(0, -1).adopt(SECRET).start(false);
        module.usbHost().onRawReport((iface, report) -> reports++);
        CompletableFuture<ControlClient> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                return ControlClient.connect(module.controlPort()).authenticate(SECRET);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
        long deadline = System.currentTimeMillis() + SETUP_TIMEOUT_MILLIS;
        while (!connecting.isDone()) {
            module.firmware().runOnce();
            check(deadline, "handshake");
        }
        server = connecting.join();
        traffic = new Thread(this::sendInput, "control-traffic");
        traffic.setDaemon(true);
        traffic.start();
        while (reports < 50) {
            module.firmware().runOnce();
            check(deadline, "HID reports from control traffic");
        }
        reportsAtStart = reports;
    }

    @Override
    public void runOnce() {
        module.firmware().runOnce();
    }

    @Override
    public void tearDown() throws Exception {
        long during = reports - reportsAtStart;
        running = false;
        server.close();
        traffic.join(2_000);
        module.close();
        if (during == 0) {
            throw new IllegalStateException("no HID reports while measuring: the measurement would not cover the input path");
        }
    }

    private void sendInput() {
        try {
            for (int i = 0; running; i++) {
                if (i % 2 == 0) {
                    server.keyboard(0, 0x04 + i % 26);
                } else {
                    server.keyboard(0);
                }
                server.mouseAbsolute(0, (i * 97) & 0x7FFF, (i * 31) & 0x7FFF, 0, 0);
            }
        } catch (IllegalStateException closing) {
            // tearDown closed the connection.
        }
    }

    private static void check(long deadline, String what) {
        if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }
}
