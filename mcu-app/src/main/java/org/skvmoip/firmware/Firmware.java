package org.skvmoip.firmware;

import org.skvmoip.firmware.echo.EchoService;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.hal.Board;
import org.skvmoip.hal.Clock;

/**
 * The module's main loop: cooperative and event-driven. Each iteration sleeps on the W5500's
 * INTn line until something happens or the next periodic check is due, then serves the
 * sockets. Everything is allocated in the constructor; an iteration allocates nothing.
 *
 * <p>Periodic checks catch what raises no interrupt: the Ethernet link going down or up (the
 * PHY has no interrupt on the W5500), and the chip losing its configuration to a brown-out.
 */
public final class Firmware {

    /** How often link and chip health are checked: bounds how long a dead link goes unnoticed. */
    static final int HEALTH_CHECK_MILLIS = 250;
    /** How long to wait before trying again to bring up a chip that did not answer. */
    static final int CHIP_RETRY_MILLIS = 1000;

    private final W5500 chip;
    private final Clock clock;
    private final NetworkConfig config;
    private final EchoService echo;

    private long nextHealthCheck;
    private long nextChipRetry;
    private boolean linkUp;
    private int chipStarts;
    private volatile boolean running;

    public Firmware(Board board, NetworkConfig config) {
        this.clock = board.clock();
        this.config = config;
        this.chip = new W5500(board.w5500Spi(), board.w5500Reset(), board.w5500Interrupt(), clock);
        this.echo = new EchoService(chip);
    }

    /** Brings the chip up (reset, addresses, socket plan). Returns whether it answered. */
    public boolean start() {
        chipStarts++;
        linkUp = false;
        if (!chip.start(config)) {
            nextChipRetry = clock.millis() + CHIP_RETRY_MILLIS;
            return false;
        }
        for (int n = 0; n < SocketPlan.TX_KB.length; n++) {
            chip.socket(n).setBufferSizes(SocketPlan.txKb(n), SocketPlan.rxKb(n));
        }
        chip.enableSocketInterrupt(SocketPlan.SERVICE_TCP);
        chip.enableSocketInterrupt(SocketPlan.SERVICE_UDP);
        nextHealthCheck = clock.millis();
        return true;
    }

    /** One pass of the loop: wait for an event or the next check, then serve. */
    public void runOnce() {
        if (chip.state() != W5500.STATE_READY) {
            long now = clock.millis();
            if (now < nextChipRetry) {
                clock.sleepMillis(nextChipRetry - now);
            }
            start();
            return;
        }
        chip.awaitInterrupt(nextHealthCheck);
        if (clock.millis() >= nextHealthCheck) {
            nextHealthCheck = clock.millis() + HEALTH_CHECK_MILLIS;
            if (chip.configurationLost()) {
                start();
                return;
            }
            boolean up = chip.linkUp();
            if (up != linkUp) {
                linkUp = up;
                if (!up) {
                    echo.linkLost();
                }
            }
        }
        if (linkUp) {
            echo.poll();
        }
    }

    /** Runs until {@link #stop()}; starts the chip first if nobody has. */
    public void run() {
        running = true;
        if (chip.state() == W5500.STATE_OFF) {
            start();
        }
        while (running) {
            runOnce();
        }
    }

    public void stop() {
        running = false;
    }

    public W5500 chip() {
        return chip;
    }

    public boolean linkUp() {
        return linkUp;
    }

    /** How many times the chip was (re)started: 1 after a clean start, more after recoveries. */
    public int chipStarts() {
        return chipStarts;
    }

    public EchoService echo() {
        return echo;
    }
}
