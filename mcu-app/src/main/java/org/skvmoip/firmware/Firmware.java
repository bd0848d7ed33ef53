package org.skvmoip.firmware;

import org.skvmoip.firmware.atx.FrontPanel;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.firmware.config.RandomSeed;
import org.skvmoip.firmware.control.ControlListeners;
import org.skvmoip.firmware.control.ControlService;
import org.skvmoip.firmware.control.DiscoveryResponder;
import org.skvmoip.firmware.dhcp.DhcpClient;
import org.skvmoip.firmware.echo.EchoService;
import org.skvmoip.firmware.hid.UsbHid;
import org.skvmoip.firmware.net.ModuleIdentity;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.firmware.w5500.W5500Socket;
import org.skvmoip.hal.Board;
import org.skvmoip.hal.Clock;
import org.skvmoip.hal.Events;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.UniqueId;
import org.skvmoip.hal.Watchdog;
import org.skvmoip.protocol.ModuleSession;

/**
 * The module's main loop: cooperative and event-driven. Each pass sleeps until an interrupt
 * (W5500 INTn, USB) or the earliest deadline of any part (USB report timing, front-panel press
 * end and LED sampling, protocol keep-alive, DHCP timers, the health check), then serves every
 * part. Everything is allocated in the constructor; a pass allocates nothing.
 *
 * <p>The W5500's INTn wakes the loop on its falling edge only (EXTI1 on the device): while it
 * stays low no further edge comes, however many sockets raise interrupts meanwhile. So before
 * sleeping the loop looks at the line itself, and runs again at once while it is still low;
 * only sockets that a part serves every pass can hold it low, so this cannot spin.
 *
 * <p>The health check catches what raises no interrupt: the Ethernet link going down or up (the
 * W5500's PHY has none), and the chip losing its configuration to a brown-out.
 */
public final class Firmware {

    /** 0.1: major << 8 | minor, as HELLO and ANNOUNCE carry it. */
    public static final int VERSION = 0x0001;
    /** How often link and chip health are checked: bounds how long a dead link goes unnoticed. */
    static final int HEALTH_CHECK_MILLIS = 250;
    /** How long to wait before trying again to bring up a chip that did not answer. */
    static final int CHIP_RETRY_MILLIS = 1000;
    /** Longer than a flash erase (about 0.5 s on the STM32F401) during a settings save. */
    static final int WATCHDOG_MILLIS = 4000;

    private final Clock clock;
    private final Events events;
    private final Watchdog watchdog;
    private final W5500 chip;
    private final InterruptLine chipInterrupt;
    private final NetworkConfig config = new NetworkConfig();
    private final ModuleSettings settings = new ModuleSettings();
    private final ConfigStorage storage;
    private final int settingsLoadStatus;
    private final DhcpClient dhcp;
    private final UsbHid hid;
    private final FrontPanel panel;
    private final ControlListeners control;
    private final DiscoveryResponder discovery;
    /** Null while the settings leave the echo diagnostic off: its 2 KB of buffers are not even allocated. */
    private final EchoService echo;

    private long nextHealthCheck;
    private long nextChipRetry;
    private boolean linkUp;
    private int chipStarts;
    private long passes;
    private volatile boolean running;

    public Firmware(Board board) {
        this.clock = board.clock();
        this.events = board.events();
        this.watchdog = board.watchdog();
        this.chipInterrupt = board.w5500Interrupt();
        this.chip = new W5500(board.w5500Spi(), board.w5500Reset(), chipInterrupt, clock);

        byte[] uniqueId = new byte[UniqueId.LENGTH];
        ModuleIdentity identity = new ModuleIdentity(board.uniqueId());
        identity.uniqueId(uniqueId, 0);
        identity.applyTo(config);

        storage = new ConfigStorage(board.configStore());
        settingsLoadStatus = storage.load(settings);
        storage.applyFactoryResetIfHeld(board.factoryResetButton(), clock, settings);
        // Before anything may draw random bytes: the generator's seed for the next boot is stored.
        RandomSeed seed = new RandomSeed(board.crypto(), storage, settings);

        NetworkConfig fixed = new NetworkConfig();
        System.arraycopy(config.mac, 0, fixed.mac, 0, 6);
        System.arraycopy(settings.staticIp, 0, fixed.ip, 0, 4);
        System.arraycopy(settings.staticSubnet, 0, fixed.subnet, 0, 4);
        System.arraycopy(settings.staticGateway, 0, fixed.gateway, 0, 4);
        if (settings.ipMode == ModuleSettings.IP_MODE_DHCP) {
            dhcp = new DhcpClient(chip.socket(SocketPlan.DHCP_UDP), config, fixed, clock.millis());
            byte[] name = new byte[ModuleIdentity.DEFAULT_NAME_BYTES];
            if (settings.nameLength > 0) {
                dhcp.setHostName(settings.name, 0, settings.nameLength);
            } else {
                identity.defaultName(name, 0);
                dhcp.setHostName(name, 0, name.length);
            }
        } else {
            dhcp = null;
            System.arraycopy(fixed.ip, 0, config.ip, 0, 4);
            System.arraycopy(fixed.subnet, 0, config.subnet, 0, 4);
            System.arraycopy(fixed.gateway, 0, config.gateway, 0, 4);
        }

        hid = new UsbHid(board.usb(), uniqueId);
        panel = new FrontPanel(board.powerButton(), board.resetButton(), board.powerLed(), board.hddLed());
        // A session per control socket: a second connection's handshake runs beside the live session.
        ModuleSession[] sessions = new ModuleSession[SocketPlan.controlSockets()];
        ControlService[] services = new ControlService[sessions.length];
        W5500Socket[] controlSockets = new W5500Socket[sessions.length];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = new ModuleSession(board.crypto(), uniqueId, 0, VERSION);
            if (settings.adopted) {
                sessions[i].setSecret(settings.secret, 0);
            }
            controlSockets[i] = chip.socket(SocketPlan.controlSocket(i));
            services[i] = new ControlService(controlSockets[i], sessions[i], hid, panel, storage, settings, seed);
        }
        control = new ControlListeners(chip, services, controlSockets);
        // Any session will do: ControlListeners keeps their secrets in step.
        discovery = new DiscoveryResponder(chip.socket(SocketPlan.DISCOVERY_UDP), sessions[0], uniqueId, VERSION);
        echo = settings.echoDiagnostic ? new EchoService(chip) : null;
    }

    /** Brings the chip up (reset, addresses, socket plan). Returns whether it answered. */
    public boolean start() {
        chipStarts++;
        if (linkUp) {
            lostLink();
        }
        if (!chip.start(config)) {
            nextChipRetry = clock.millis() + CHIP_RETRY_MILLIS;
            return false;
        }
        for (int n = 0; n < SocketPlan.TX_KB.length; n++) {
            chip.socket(n).setBufferSizes(SocketPlan.txKb(n), SocketPlan.rxKb(n));
        }
        // Only sockets that some part serves every pass: an interrupt nobody clears would hold INTn.
        for (int i = 0; i < SocketPlan.controlSockets(); i++) {
            chip.enableSocketInterrupt(SocketPlan.controlSocket(i));
        }
        chip.enableSocketInterrupt(SocketPlan.DISCOVERY_UDP);
        if (dhcp != null) {
            chip.enableSocketInterrupt(SocketPlan.DHCP_UDP);
        }
        if (echo != null) {
            chip.enableSocketInterrupt(SocketPlan.ECHO_TCP);
            chip.enableSocketInterrupt(SocketPlan.ECHO_UDP);
        }
        if (dhcp != null) {
            dhcp.start(clock.millis());
        }
        nextHealthCheck = clock.millis();
        return true;
    }

    /** One pass of the loop: sleep until an event or the earliest deadline, then serve. */
    public void runOnce() {
        long now = clock.millis();
        events.await(socketsWaiting() ? now : nextDeadline(now));
        now = clock.millis();
        passes++;
        watchdog.kick();

        panel.poll(now);
        if (chip.state() != W5500.STATE_READY) {
            if (now >= nextChipRetry) {
                start();
            }
            hid.poll(now);
            return;
        }
        if (now >= nextHealthCheck) {
            nextHealthCheck = now + HEALTH_CHECK_MILLIS;
            if (chip.configurationLost()) {
                start();
                return;
            }
            boolean up = chip.linkUp();
            if (up != linkUp) {
                if (up) {
                    linkUp = true;
                } else {
                    lostLink();
                }
            }
        }
        if (linkUp) {
            serveNetwork(now);
        }
        // Last: reports for input that arrived in this very pass go out now, not a pass later.
        hid.poll(now);
    }

    /**
     * Whether INTn is still asserted for sockets the next pass will serve: an interrupt that came
     * while it was already low, after its socket was served in this pass. Its edge is long gone.
     */
    private boolean socketsWaiting() {
        return linkUp && chip.state() == W5500.STATE_READY && chipInterrupt.isAsserted();
    }

    private void serveNetwork(long now) {
        if (dhcp != null) {
            dhcp.poll(now);
            if (dhcp.takeAddressChange()) {
                chip.writeAddresses(config);
            }
        }
        control.poll(now);
        discovery.poll();
        if (echo != null) {
            echo.poll();
        }
    }

    private void lostLink() {
        linkUp = false;
        control.linkLost();
        discovery.linkLost();
        if (echo != null) {
            echo.linkLost();
        }
    }

    private long nextDeadline(long now) {
        long deadline = chip.state() == W5500.STATE_READY ? nextHealthCheck : nextChipRetry;
        deadline = Math.min(deadline, hid.nextDeadline(now));
        deadline = Math.min(deadline, panel.nextDeadline());
        if (linkUp) {
            deadline = Math.min(deadline, control.nextDeadline());
            if (dhcp != null) {
                deadline = Math.min(deadline, dhcp.nextDeadline());
            }
        }
        return deadline;
    }

    /** Runs until {@link #stop()}; starts the chip first if nobody has. */
    public void run() {
        running = true;
        watchdog.start(WATCHDOG_MILLIS);
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

    /** Passes of the main loop so far: how often the module woke (an idle one should hardly wake). */
    public long passes() {
        return passes;
    }

    /** The echo diagnostic, or null when the settings leave it off (the default). */
    public EchoService echo() {
        return echo;
    }

    public DiscoveryResponder discovery() {
        return discovery;
    }

    public ControlListeners control() {
        return control;
    }

    public UsbHid usbHid() {
        return hid;
    }

    public FrontPanel frontPanel() {
        return panel;
    }

    public DhcpClient dhcp() {
        return dhcp;
    }

    public NetworkConfig networkConfig() {
        return config;
    }

    /** {@code ConfigPage.OK}, or why the stored settings were not used (defaults instead). */
    public int settingsLoadStatus() {
        return settingsLoadStatus;
    }
}
