package org.skvmoip.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;

import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.w5500.SpiCounts;

/**
 * Bytes per second a simulated module echoes over one TCP connection: a host client writes on
 * one thread and reads on another, through the W5500 model and the real firmware. This
 * measures the simulator and the driver's SPI traffic on this machine, not a real module.
 */
final class EchoThroughputBenchmark {

    record Result(int megabytes, double megabytesPerSecond, double spiBytesPerEchoedByte) {
    }

    static Result measure(int megabytes, int rounds) throws Exception {
        byte[] payload = new byte[megabytes << 20];
        new Random(1).nextBytes(payload);
        double[] rates = new double[rounds];
        double spiPerByte = 0;
        try (SimulatedModule module = new SimulatedModule(0, -1).withEchoDiagnostic().start()) {
            for (int round = 0; round < rounds; round++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), module.echoTcpPort())) {
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    skipGreeting(in);
                    SpiCounts before = module.w5500().counters().snapshot();
                    long start = System.nanoTime();
                    Thread writer = new Thread(() -> {
                        try {
                            out.write(payload);
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    });
                    writer.start();
                    byte[] echoed = in.readNBytes(payload.length);
                    long nanos = System.nanoTime() - start;
                    writer.join();
                    SpiCounts cost = module.w5500().counters().snapshot().minus(before);
                    if (!Arrays.equals(echoed, payload)) {
                        throw new IllegalStateException("echo corrupted the payload");
                    }
                    rates[round] = payload.length / (nanos / 1e9) / (1 << 20);
                    // Each echoed byte is read from the RX buffer and written to the TX buffer.
                    spiPerByte = (double) cost.bytes() / payload.length;
                }
                awaitListening(module);
            }
        }
        Arrays.sort(rates);
        return new Result(megabytes, rates[rounds / 2], spiPerByte);
    }

    /** After a connection ends the module listens again, on a fresh host port when ports are ephemeral. */
    private static void awaitListening(SimulatedModule module) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (module.w5500().socketStatus(org.skvmoip.firmware.SocketPlan.ECHO_TCP) != org.skvmoip.firmware.w5500.SocketRegisters.SOCK_LISTEN) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("module did not listen again within 5 s");
            }
            Thread.sleep(5);
        }
    }

    /** The echo service greets each connection with one line. */
    private static void skipGreeting(InputStream in) throws java.io.IOException {
        int b;
        do {
            b = in.read();
        } while (b >= 0 && b != '\n');
    }
}
