package org.skvmoip.sim;

import java.io.IOException;

import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.hal.ConfigStore;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.board.SimConfigStore;
import org.skvmoip.sim.board.SystemClock;
import org.skvmoip.sim.machine.VirtualTarget;
import org.skvmoip.sim.stm32.Stm32SimBoard;
import org.skvmoip.sim.usb.HidProtocol;
import org.skvmoip.sim.usb.SimUsbDevice;
import org.skvmoip.sim.usb.UsbHostModel;
import org.skvmoip.sim.video.MjpegServer;
import org.skvmoip.sim.w5500.HostNetwork;
import org.skvmoip.sim.w5500.W5500Model;

/**
 * One module plugged into its target machine, on a desktop JVM: the real firmware running its
 * main loop on its own thread against a simulated board - W5500 model bridged to this host's
 * loopback, USB port enumerated by a USB host model, front-panel lines wired to a
 * {@link VirtualTarget} - and, when asked, the target's screen served as an MJPEG stream.
 */
public final class SimulatedModule implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;
    /** How often the machine's state advances: finer than the firmware's 10 ms LED sampling. */
    private static final long MACHINE_TICK_MILLIS = 5;

    private final int index;
    private final VirtualTarget target = new VirtualTarget(SystemClock.INSTANCE);
    private final SimConfigStore configStore = new SimConfigStore();
    /** The board: the Java one, or with {@code stm32} the device's own C on register models (then {@code board} is null). */
    private final SimBoard board;
    private final Stm32SimBoard stm32;
    private final ModuleSettings settings;
    private Firmware firmware;
    private Thread thread;
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
        new ConfigStorage(stm32 != null ? stm32.programmer() : configStore).save(settings);
        machineClock.start();
        firmware = stm32 != null ? stm32.powerUp() : new Firmware(board);
        usbHost = new UsbHostModel(usbPort(), target);
        target.addKeyboardLedListener(usbHost::setKeyboardLeds);
        Thread enumeration = new Thread(() -> {
            usbHost.enumerate(HidProtocol.REPORT);
            usbHost.start();
        }, "usb-host-" + index);
        if (ownThread) {
            thread = new Thread(stm32 != null ? stm32::run : firmware::run, "module-" + index);
            thread.setDaemon(true);
            thread.start();
        } else {
            firmware.start();
        }
        enumeration.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (enumeration.isAlive() || controlPort() < 0 || tcpPort() < 0 || udpPort() < 0) {
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

    /** The host port of the module's control service (chip port 7390), or -1. */
    public int controlPort() {
        return hostPortOf(SocketPlan.CONTROL_TCP);
    }

    /** The host port of the module's discovery responder (chip UDP port 7391), or -1. */
    public int discoveryPort() {
        return hostPortOf(SocketPlan.DISCOVERY_UDP);
    }

    /** The host port of the echo service's TCP socket, or -1. */
    public int tcpPort() {
        return hostPortOf(SocketPlan.ECHO_TCP);
    }

    /** The host port of the echo service's UDP socket, or -1. */
    public int udpPort() {
        return hostPortOf(SocketPlan.ECHO_UDP);
    }

    private int hostPortOf(int socket) {
        return w5500().hostPort(socket);
    }

    private SimUsbDevice usbPort() {
        return stm32 != null ? stm32.usbPort() : board.usbPort();
    }

    /** Where FFmpeg (or a browser) can watch the target's screen; null without {@link #withVideo}. */
    public String videoUrl() {
        return video == null ? null : video.streamUri().toString();
    }

    public int index() {
        return index;
    }

    /** The running firmware (on the stm32 board: of the current power cycle). */
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
        running = false;
        machineClock.interrupt();
        if (usbHost != null) {
            usbHost.close();
        }
        if (thread != null) {
            if (stm32 != null) {
                stm32.stop();
            } else {
                firmware.stop();
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
