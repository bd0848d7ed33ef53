package org.skvmoip.bench;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.control.ControlClient;
import org.skvmoip.sim.w5500.SpiCounts;

/**
 * Input latency through the simulator: from a KEYBOARD frame written to the module's control
 * socket to the HID report the USB host model takes from the keyboard endpoint. The host model
 * polls every 1 ms as a PC's USB host does, so up to 1 ms of the latency is USB polling, as on
 * real hardware.
 */
final class InputLatencyBenchmark {

    private static final byte[] SECRET = "benchmark-secret-of-32-bytes-ok!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int KEYBOARD = 0;
    /** The keyboard interface's interrupt IN endpoint (UsbDescriptors: EP1). */
    private static final int KEYBOARD_ENDPOINT = 1;
    private static final int FIRST_KEY_SLOT = 2;

    /** Latency to the report leaving the module (loaded into its IN endpoint) and to the host taking it. */
    record Result(int frames, long[] leftModule, long[] takenByHost, double spiBytesPerFrame, double framesPerSecond) {
        static long p(long[] sorted, int percent) {
            return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
        }
    }

    static Result measure(int warmup, int frames, int burst) throws Exception {
        BlockingQueue<Integer> keysSeen = new ArrayBlockingQueue<>(100_000);
        try (SimulatedModule module = new SimulatedModule(0, -1).adopt(SECRET).start();
                ControlClient server = ControlClient.connect(module.controlPort()).authenticate(SECRET)) {
            module.usbHost().onRawReport((iface, report) -> {
                if (iface == KEYBOARD) {
                    keysSeen.offer(report[FIRST_KEY_SLOT] & 0xFF);
                }
            });
            long[] micros = new long[frames];
            long[] leftMicros = new long[frames];
            SpiCounts before = null;
            for (int i = -warmup; i < frames; i++) {
                if (i == 0) {
                    before = module.w5500().counters().snapshot();
                }
                int usage = i % 2 == 0 ? 0x04 : 0x00; // 'a' down, then all keys up
                keysSeen.clear();
                long start = System.nanoTime();
                if (usage == 0) {
                    server.keyboard(0);
                } else {
                    server.keyboard(0, usage);
                }
                awaitKey(keysSeen, usage);
                if (i >= 0) {
                    micros[i] = (System.nanoTime() - start) / 1_000;
                    leftMicros[i] = (module.board().usbPort().lastLoadedNanos(KEYBOARD_ENDPOINT) - start) / 1_000;
                }
            }
            SpiCounts spi = module.w5500().counters().snapshot().minus(before);
            Arrays.sort(micros);
            Arrays.sort(leftMicros);

            // Throughput: frames written back to back; the module takes them as fast as it can.
            long start = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                server.keyboard(0, 0x04 + i % 26);
            }
            int last = 0x04 + (burst - 1) % 26;
            server.keyboard(0); // a final, distinct state: when it is seen, all before it were taken
            awaitKey(keysSeen, 0x00, last);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(frames, leftMicros, micros, (double) spi.bytes() / frames, (burst + 1) / seconds);
        }
    }

    private static void awaitKey(BlockingQueue<Integer> seen, int usage) throws InterruptedException {
        while (true) {
            Integer key = seen.poll(2, TimeUnit.SECONDS);
            if (key == null) {
                throw new IllegalStateException("no keyboard report with key 0x" + Integer.toHexString(usage));
            }
            if (key == usage) {
                return;
            }
        }
    }

    private static void awaitKey(BlockingQueue<Integer> seen, int usage, int after) throws InterruptedException {
        boolean lastSeen = false;
        while (true) {
            Integer key = seen.poll(5, TimeUnit.SECONDS);
            if (key == null) {
                throw new IllegalStateException("the burst's final state never reached the USB host");
            }
            lastSeen |= key == after;
            if (key == usage && lastSeen) {
                return;
            }
        }
    }
}
