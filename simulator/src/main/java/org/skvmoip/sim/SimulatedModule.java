package org.skvmoip.sim;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.ModuleMain;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.hal.ConfigStore;
import org.skvmoip.sim.board.McuReset;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.board.SimConfigStore;
import org.skvmoip.sim.board.SystemClock;
import org.skvmoip.sim.machine.VirtualTarget;
import org.skvmoip.sim.stm32.Stm32SimBoard;
import org.skvmoip.sim.usb.HidProtocol;
import org.skvmoip.sim.usb.UsbDevicePort;
import org.skvmoip.sim.usb.UsbHostModel;
import org.skvmoip.sim.video.MjpegServer;
import org.skvmoip.sim.w5500.HostNetwork;
import org.skvmoip.sim.w5500.W5500Model;

/**
 * One module plugged into its target machine, on a desktop JVM: the real firmware running its
 * main loop on its own thread against a simulated board - W5500 model bridged to this host's
 * loopback, USB port enumerated by a USB host model, front-panel lines wired to a
 * {@link VirtualTarget} - and, when asked, the target's screen served as an MJPEG stream.
 *
 * <p>When the loop stops kicking the watchdog, the module is reset as an IWDG reset would: the
 * firmware object and all it held are dropped and a new one powers up from the same flash
 * settings; the W5500 keeps its state until the new firmware resets it through RSTn, and the
 * USB host enumerates the port again, as a PC does when a device drops off the bus and returns.
 */
public final class SimulatedModule implements AutoCloseable {

    private static final Logger LOG = System.getLogger("org.skvmoip.sim");
    private static final long START_TIMEOUT_MILLIS = 10_000;
    /** How long a reset waits for the old firmware's thread to reach a wait and end there. */
    private static final long HALT_WAIT_MILLIS = 2_000;
    /** How often the machine's state advances: finer than the firmware's 10 ms LED sampling. */
    private static final long MACHINE_TICK_MILLIS = 5;

    private final int index;
    private final VirtualTarget target = new VirtualTarget(SystemClock.INSTANCE);
    private final SimConfigStore configStore = new SimConfigStore();
    /** The board: the Java one, or with {@code stm32} the device's own C on register models (then {@code board} is null). */
    private final SimBoard board;
    private final Stm32SimBoard stm32;
    private final ModuleSettings settings;
    private volatile Firmware firmware;
    private volatile Thread thread;
    private int watchdogResets;
    private UsbHostModel usbHost;
    private MjpegServer video;
    /** The machine's own clock: it boots, blinks and shuts down whether or not anyone looks. */
    private final Thread machineClock;
    private volatile boolean running = true;

    /**
     * @param index      the module's number in the rack; it picks its unique id and address
     * @param portOffset host port = chip port + offset (negative: ephemeral ports)
     */
    public SimulatedModule(int index, int portOffset) {
        this(index, portOffset, System.getProperty(BOARD_PROPERTY, JAVA_BOARD));
    }

    /** Which board a module gets by default: the system property {@code skvm.board}, {@code java} or {@code stm32}. */
    public static final String BOARD_PROPERTY = "skvm.board";
    public static final String JAVA_BOARD = "java";
    public static final String STM32_BOARD = "stm32";

    /** @param boardKind {@link #JAVA_BOARD}, or {@link #STM32_BOARD} for the device's own C */
    public SimulatedModule(int index, int portOffset, String boardKind) {
        this.index = index;
        HostNetwork network = HostNetwork.loopback(portOffset);
        if (STM32_BOARD.equals(boardKind)) {
            this.board = null;
            this.stm32 = new Stm32SimBoard(index, network, SimBoard.Wiring.to(target));
        } else if (JAVA_BOARD.equals(boardKind)) {
            this.board = new SimBoard(index, network, SimBoard.Wiring.to(target), configStore);
            this.stm32 = null;
        } else {
            throw new IllegalArgumentException("board '" + boardKind + "': the simulator has the boards "
                    + JAVA_BOARD + " and " + STM32_BOARD);
        }
        this.settings = rackSettings(index);
        this.machineClock = new Thread(this::tickMachine, "machine-" + index);
        machineClock.setDaemon(true);
    }

    private void tickMachine() {
        while (running) {
            target.update();
            // The IWDG counts on its own clock; this thread is the module's nearest to one (the
            // stm32 board's IWDG model counts on the chip's own thread).
            if (board != null) {
                board.simWatchdog().check();
            }
            try {
                Thread.sleep(MACHINE_TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The address a module of the rack has: a static 192.168.100.0/24 address (the LAN is loopback). */
    public static NetworkConfig defaultConfig(int index) {
        NetworkConfig config = new NetworkConfig();
        byte[] mac = {0x02, 0x53, 0x4B, 0x56, (byte) (index >> 8), (byte) index};
        System.arraycopy(mac, 0, config.mac, 0, 6);
        config.setIp(192, 168, 100, 10 + index);
        config.setSubnet(255, 255, 255, 0);
        config.setGateway(192, 168, 100, 1);
        return config;
    }

    private static ModuleSettings rackSettings(int index) {
        NetworkConfig address = defaultConfig(index);
        ModuleSettings settings = new ModuleSettings();
        settings.setDefaults();
        settings.ipMode = ModuleSettings.IP_MODE_STATIC;
        System.arraycopy(address.ip, 0, settings.staticIp, 0, 4);
        System.arraycopy(address.subnet, 0, settings.staticSubnet, 0, 4);
        System.arraycopy(address.gateway, 0, settings.staticGateway, 0, 4);
        return settings;
    }

    /** Before {@link #start()}: the module was adopted earlier and holds this 32-byte secret. */
    public SimulatedModule adopt(byte[] secret) {
        if (thread != null) {
            throw new IllegalStateException("adopt before start: the firmware reads its settings at power-up");
        }
        System.arraycopy(secret, 0, settings.secret, 0, ModuleSettings.SECRET_BYTES);
        settings.adopted = true;
        return this;
    }

    /**
     * Before {@link #start()}: switch the echo diagnostic (TCP and UDP port 7) on in the
     * module's settings, as a developer bringing up a board would; the product leaves it off.
     */
    public SimulatedModule withEchoDiagnostic() {
        if (thread != null) {
            throw new IllegalStateException("switch the echo diagnostic on before start: the firmware reads its settings at power-up");
        }
        settings.echoDiagnostic = true;
        return this;
    }

    /** Before {@link #start()}: serve the target's screen as MJPEG at {@code fps} on a free port. */
    public SimulatedModule withVideo(int fps) throws IOException {
        video = new MjpegServer(target, 0, fps);
        return this;
    }

    /**
     * Powers the module up (settings written to its flash first) with the firmware on its own
     * thread, enumerates its USB port as a PC would, and waits until its sockets listen.
     */
    public SimulatedModule start() throws InterruptedException {
        return start(true);
    }

    /**
     * As {@link #start()}; with {@code ownThread} false the caller runs the firmware's loop
     * ({@code firmware().runOnce()}), as an allocation probe must - this method runs it meanwhile.
     */
    public SimulatedModule start(boolean ownThread) throws InterruptedException {
        new ConfigStorage(configStore()).save(settings);
        machineClock.start();
        firmware = stm32 != null ? stm32.powerUp() : ModuleMain.powerUp(board);
        usbHost = new UsbHostModel(usbPort(), target);
        target.addKeyboardLedListener(usbHost::setKeyboardLeds);
        Thread enumeration = new Thread(() -> {
            usbHost.enumerate(HidProtocol.REPORT);
            usbHost.start();
        }, "usb-host-" + index);
        if (ownThread && stm32 != null) {
            stm32.onRestart(this::stm32Restarted);
            thread = new Thread(stm32::run, "module-" + index); // resets itself from power-up
            thread.setDaemon(true);
            thread.start();
        } else if (ownThread) {
            board.simWatchdog().onReset(this::watchdogReset);
            runFirmware();
        } else {
            firmware.start();
        }
        enumeration.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (enumeration.isAlive() || controlPort() < 0 || discoveryPort() < 0
                || firmware().echo() != null && (echoTcpPort() < 0 || echoUdpPort() < 0)) {
            if (!ownThread) {
                firmware().runOnce();
            } else {
                Thread.sleep(5);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("module " + index + " did not open its sockets within "
                        + START_TIMEOUT_MILLIS + " ms (chip: " + W5500.describeState(firmware().chip().state()) + ")");
            }
        }
        if (usbHost.failure() != null) {
            throw new IllegalStateException("module " + index + ": USB enumeration failed", usbHost.failure());
        }
        return this;
    }

    private void runFirmware() {
        Thread loop = new Thread(firmware::run, "module-" + index);
        loop.setDaemon(true);
        loop.setUncaughtExceptionHandler(SimulatedModule::loopEnded);
        thread = loop;
        loop.start();
    }

    private static void loopEnded(Thread loop, Throwable cause) {
        if (!(cause instanceof McuReset)) {
            LOG.log(Level.ERROR, loop.getName() + ": the firmware's loop ended with " + cause
                    + "; the watchdog will reset the module", cause);
        }
    }

    /** The IWDG fired: reset the MCU (see the class comment). Runs on the machine-clock thread. */
    private synchronized void watchdogReset(long overdueMillis) {
        if (!running) {
            return;
        }
        LOG.log(Level.WARNING, "module " + index + ": watchdog reset, the main loop did not kick it for "
                + (board.simWatchdog().timeoutMillis() + overdueMillis) + " ms");
        Thread old = thread;
        board.haltMcu();
        try {
            old.join(HALT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (old.isAlive()) {
            LOG.log(Level.ERROR, "module " + index + ": the old firmware is busy outside any wait and cannot be stopped;"
                    + " the module stays halted and the watchdog tries again");
            return;
        }
        board.powerUpMcu();
        firmware = ModuleMain.powerUp(board);
        runFirmware();
        watchdogResets++;
        Thread reconnect = new Thread(this::enumerateAgain, "usb-host-" + index);
        reconnect.setDaemon(true);
        reconnect.start();
    }

    /** The stm32 board powered up again after a reset (its watchdog's, or SYSRESETREQ): as {@link #watchdogReset}. */
    private synchronized void stm32Restarted() {
        if (!running) {
            return;
        }
        LOG.log(Level.WARNING, "module " + index + ": the stm32 board reset and powered up again");
        Thread reconnect = new Thread(this::enumerateAgain, "usb-host-" + index);
        reconnect.setDaemon(true);
        reconnect.start();
    }

    private void enumerateAgain() {
        try {
            usbHost.enumerate(HidProtocol.REPORT);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "module " + index + ": USB enumeration after a watchdog reset failed: " + e, e);
        }
    }

    /** Makes the firmware's main loop stop kicking the watchdog (a hang), on either board. */
    public void hangFirmware() {
        if (stm32 != null) {
            stm32.chip().core().hang();
        } else {
            board.hangFirmware();
        }
    }

    /** Watchdog resets so far: a module that hangs is reset, one that runs well never is. */
    public synchronized int watchdogResets() {
        return stm32 != null ? stm32.watchdogResets() : watchdogResets;
    }

    /**
     * The host port of the module's control service (chip port 7390), or -1: where one of its
     * control sockets listens (with ephemeral host ports the port changes whenever none did).
     */
    public int controlPort() {
        W5500Model chip = w5500();
        for (int i = 0; i < SocketPlan.controlSockets(); i++) {
            int socket = SocketPlan.controlSocket(i);
            if (chip.socketStatus(socket) == SocketRegisters.SOCK_LISTEN) {
                return chip.hostPort(socket);
            }
        }
        return hostPortOf(SocketPlan.CONTROL_TCP);
    }

    /** The host port of the module's discovery responder (chip UDP port 7391), or -1. */
    public int discoveryPort() {
        return hostPortOf(SocketPlan.DISCOVERY_UDP);
    }

    /** The host port of the echo diagnostic's TCP socket, or -1 (always while it is off). */
    public int echoTcpPort() {
        return hostPortOf(SocketPlan.ECHO_TCP);
    }

    /** The host port of the echo diagnostic's UDP socket, or -1 (always while it is off). */
    public int echoUdpPort() {
        return hostPortOf(SocketPlan.ECHO_UDP);
    }

    private int hostPortOf(int socket) {
        return w5500().hostPort(socket);
    }

    private UsbDevicePort usbPort() {
        return stm32 != null ? stm32.usbPort() : board.usbPort();
    }

    /** Where FFmpeg (or a browser) can watch the target's screen; null without {@link #withVideo}. */
    public String videoUrl() {
        return video == null ? null : video.streamUri().toString();
    }

    public int index() {
        return index;
    }

    /** The firmware running now: after a watchdog reset, a new one. */
    public Firmware firmware() {
        return stm32 != null ? stm32.firmware() : firmware;
    }

    public VirtualTarget target() {
        return target;
    }

    public UsbHostModel usbHost() {
        return usbHost;
    }

    public W5500Model w5500() {
        return stm32 != null ? stm32.w5500() : board.w5500();
    }

    /** The module's settings flash as a test or a debugger reads it, on either board. */
    public ConfigStore configStore() {
        return stm32 != null ? stm32.programmer() : configStore;
    }

    /** The Java board; null on the stm32 board (see {@link #stm32Board()}). */
    public SimBoard board() {
        return board;
    }

    /** The stm32 board; null on the Java board. */
    public Stm32SimBoard stm32Board() {
        return stm32;
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            running = false; // no watchdog reset from here on
        }
        machineClock.interrupt();
        if (usbHost != null) {
            usbHost.close();
        }
        if (thread != null) {
            if (stm32 != null) {
                stm32.stop();
            } else {
                firmware.stop();
                board.haltMcu(); // a hung loop ends too
            }
            thread.join(2_000);
        }
        if (video != null) {
            video.close();
        }
        if (stm32 != null) {
            stm32.close();
        } else {
            board.close();
        }
    }
}
