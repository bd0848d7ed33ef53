package org.skvmoip.bench.client;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.skvmoip.bench.server.Host;
import org.skvmoip.bench.server.Samples;
import org.skvmoip.client.api.ControlState;
import org.skvmoip.client.api.InputChannel;
import org.skvmoip.client.api.PowerAction;
import org.skvmoip.client.api.ServerAddress;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.trust.ServerTrust;
import org.skvmoip.client.video.DecodedPicture;
import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.machine.PowerState;
import org.skvmoip.sim.machine.ScreenClock;
import org.skvmoip.sim.machine.ScreenLayout;
import org.skvmoip.sim.machine.ScreenTextReader;

/**
 * Latency as a user of the demo sees it, on one clock (everything runs in this process): the
 * server and a simulated machine as the demo runs them (the target's screen as MJPEG at 15 fps,
 * captured by FFmpeg, x264, TLS WebSocket), the client's decoder on the other end.
 */
final class LatencyBenchmarks implements AutoCloseable {

    /** The console's first input line (banner, empty line, prompt). */
    private static final int INPUT_ROW = 2;
    private static final int PROMPT_COLUMNS = 2;
    private static final int USAGE_A = 0x04;

    record EndToEnd(int frames, int unreadable, Samples total, Samples inSource, Samples serverToClient, String load) {
    }

    record Keystrokes(int keys, Samples toPixel, String load) {
    }

    private final Path dir;
    private final ServerRig rig;
    private final SimulatedModule module;
    private final ServerConnection connection;
    private final String machine = ServerRig.name(0);

    private LatencyBenchmarks() throws Exception {
        dir = Files.createTempDirectory("skvm-client-bench-");
        rig = ServerRig.start(dir, 1, "", ServerRig.EPHEMERAL_PORTS, 0);
        module = rig.modules.get(0);
        connection = new ServerConnection(ServerAddress.parse("https://127.0.0.1:" + rig.server.port()),
                ServerTrust.certificateAuthority(rig.server.certificateFile()));
        connection.login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());
        connection.power(machine, PowerAction.ON);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (module.target().state() != PowerState.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the simulated machine did not boot within 30 s of power on");
            }
            Thread.sleep(50);
        }
    }

    static LatencyBenchmarks start() throws Exception {
        return new LatencyBenchmarks();
    }

    /** Stamp drawn on the target's screen -> read back from the client's decoded picture. */
    EndToEnd endToEnd(Duration warmUp, int frames) throws Exception {
        module.target().showClock(true);
        Samples total = new Samples();
        Samples inSource = new Samples();
        Samples serverToClient = new Samples();
        AtomicInteger unreadable = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        long measureFrom = LiveView.nowMicros() + warmUp.toNanos() / 1000;
        try (LiveView view = new LiveView(connection, machine, (picture, now) -> {
            if (now < measureFrom || enough.getCount() == 0) {
                return;
            }
            long stamp = ScreenClock.read(picture::argb, now / 1000);
            if (stamp < 0) {
                unreadable.incrementAndGet();
                return;
            }
            total.add(now - stamp * 1000);
            inSource.add(picture.captureMicros() - stamp * 1000);
            serverToClient.add(now - picture.captureMicros());
            if (total.count() >= frames) {
                enough.countDown();
            }
        })) {
            if (!enough.await(warmUp.toSeconds() + frames / 5 + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + total.count() + " stamped pictures arrived");
            }
        } finally {
            module.target().showClock(false);
        }
        return new EndToEnd(total.count(), unreadable.get(), total, inSource, serverToClient, Host.loadAverage());
    }

    /** Key pressed through the input channel -> its character in the decoded picture. */
    Keystrokes keystrokes(int keys) throws Exception {
        Samples toPixel = new Samples();
        AtomicLong pressedNanos = new AtomicLong();
        AtomicInteger expectedColumn = new AtomicInteger(-1);
        char[] expected = new char[1];
        BufferedImage screen = new BufferedImage(ScreenLayout.WIDTH, ScreenLayout.HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[ScreenLayout.WIDTH * ScreenLayout.HEIGHT];
        Object seen = new Object();
        try (InputChannel input = connection.openInput(machine, new InputChannel.Listener() {
                    @Override
                    public void onControl(ControlState control) {
                    }
                });
                LiveView view = new LiveView(connection, machine, (picture, now) -> {
                    int column = expectedColumn.get();
                    if (column < 0 || picture.width() != ScreenLayout.WIDTH || picture.height() != ScreenLayout.HEIGHT) {
                        return;
                    }
                    picture.pixels().get(row);
                    screen.setRGB(0, 0, ScreenLayout.WIDTH, ScreenLayout.HEIGHT, row, 0, ScreenLayout.WIDTH);
                    if (ScreenTextReader.readCell(screen, INPUT_ROW, column) == expected[0]) {
                        long micros = (System.nanoTime() - pressedNanos.get()) / 1000;
                        synchronized (seen) {
                            if (expectedColumn.compareAndSet(column, -1)) {
                                toPixel.add(micros);
                                seen.notifyAll();
                            }
                        }
                    }
                })) {
            input.claim().get(10, TimeUnit.SECONDS);
            Thread.sleep(1000);
            for (int i = 0; i < keys; i++) {
                expected[0] = (char) ('a' + i % 26);
                synchronized (seen) {
                    pressedNanos.set(System.nanoTime());
                    expectedColumn.set(PROMPT_COLUMNS + i);
                }
                input.keyboard(0, USAGE_A + i % 26).get(10, TimeUnit.SECONDS);
                input.keyboard(0).get(10, TimeUnit.SECONDS);
                synchronized (seen) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (expectedColumn.get() >= 0) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new IllegalStateException("'" + expected[0] + "' did not appear in the decoded"
                                    + " video within 10 s; the console shows: " + module.target().consoleLine(INPUT_ROW));
                        }
                        TimeUnit.NANOSECONDS.timedWait(seen, left);
                    }
                }
                // Presses land at random points of the frame interval, as a person's do.
                Thread.sleep(150 + ThreadLocalRandom.current().nextInt(100));
            }
            input.release().get(10, TimeUnit.SECONDS);
        }
        return new Keystrokes(toPixel.count(), toPixel, Host.loadAverage());
    }

    @Override
    public void close() throws Exception {
        try {
            rig.close();
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
