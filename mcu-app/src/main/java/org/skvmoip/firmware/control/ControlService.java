package org.skvmoip.firmware.control;

import org.skvmoip.firmware.atx.FrontPanel;
import org.skvmoip.firmware.atx.PowerLedMonitor;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.firmware.config.RandomSeed;
import org.skvmoip.firmware.hid.UsbHid;
import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.W5500Socket;
import org.skvmoip.protocol.Keyboard;
import org.skvmoip.protocol.MessageType;
import org.skvmoip.protocol.ModuleSession;
import org.skvmoip.protocol.MouseAbsolute;
import org.skvmoip.protocol.MouseRelative;
import org.skvmoip.protocol.Power;
import org.skvmoip.protocol.Protocol;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.protocol.Status;

/**
 * The control service (docs/protocol.md) on one of the sockets listening on the control port:
 * its connection, its authenticated session, and what its messages do - keyboard, mouse and
 * pointer to USB HID, power to the front panel - with status pushed back whenever it changes.
 * {@link ControlListeners} decides among the sockets (which connection goes, which session wins).
 *
 * <p>Safety: when an authenticated session ends for any reason (the server closes, a protocol
 * error, the keep-alive timeout, link loss, a newer session of the server) every key, mouse
 * button and front-panel button is released in the same main-loop pass that notices it
 * (docs/protocol.md §6: within 50 ms of detection). A connection that never authenticated
 * releases nothing: it controlled nothing, and the server's session may be holding keys.
 */
public final class ControlService {

    /** How long an ending session may take to deliver its ERROR frame before the socket closes. */
    static final int CLOSE_FLUSH_MILLIS = 200;
    private static final int MAX_ROUNDS_PER_POLL = 8;

    private final W5500Socket socket;
    private final ModuleSession session;
    private final UsbHid hid;
    private final FrontPanel panel;
    private final ConfigStorage storage;
    private final ModuleSettings settings;
    private final RandomSeed seed;

    private final byte[] received = new byte[Protocol.MAX_FRAME * 2];
    private int receivedOff;
    private int receivedEnd;
    private final byte[] usages = new byte[16];
    private final byte[] seedMaterial = new byte[Protocol.SEED_MATERIAL_LENGTH];

    /** An ending session: flushing its last frame until this time, then the socket closes. */
    private long closeAt = Long.MAX_VALUE;
    private int lastStatus = -1;
    private int sessionsStarted;
    /** The session authenticated: it may have pressed keys and buttons, so its end releases them. */
    private boolean controlling;
    private int socketState = SocketRegisters.SOCK_CLOSED;
    private int secretsStored;

    public ControlService(W5500Socket socket, ModuleSession session, UsbHid hid, FrontPanel panel,
            ConfigStorage storage, ModuleSettings settings, RandomSeed seed) {
        this.socket = socket;
        this.session = session;
        this.hid = hid;
        this.panel = panel;
        this.storage = storage;
        this.settings = settings;
        this.seed = seed;
    }

    /** Serves the control socket; never blocks. */
    public void poll(long now) {
        socket.takeInterrupts();
        int state = socket.status();
        socketState = state;
        switch (state) {
            case SocketRegisters.SOCK_CLOSED:
                if (session.isOpen() || closeAt != Long.MAX_VALUE) {
                    sessionEnded();
                }
                if (socket.openTcp(Protocol.CONTROL_TCP_PORT) == 0) {
                    socket.listen();
                }
                return;
            case SocketRegisters.SOCK_INIT:
                socket.listen();
                return;
            case SocketRegisters.SOCK_ESTABLISHED:
                serve(now);
                return;
            case SocketRegisters.SOCK_CLOSE_WAIT:
                // The server closed its side: the session is over.
                sessionEnded();
                socket.disconnect();
                return;
            default:
                return; // LISTEN or a transient state: INTn says when it changes
        }
    }

    private void serve(long now) {
        if (closeAt != Long.MAX_VALUE) {
            flush();
            if (session.outputLength() == 0 || now >= closeAt) {
                socket.disconnect();
                sessionEnded();
            }
            return;
        }
        if (!session.isOpen()) {
            if (!seed.ready()) {
                // No nonce without this boot's next seed in flash: refuse; the server retries.
                socket.disconnect();
                return;
            }
            sessionsStarted++;
            receivedOff = 0;
            receivedEnd = 0;
            lastStatus = -1;
            session.open(now);
        }
        // Input the USB host has not taken yet stays in the socket: TCP holds the server back and
        // no key state is overwritten. The HID's queued reports bring the next pass within 1 ms.
        for (int round = 0; round < MAX_ROUNDS_PER_POLL && hid.canTakeInput(); round++) {
            if (receivedOff == receivedEnd) {
                int n = socket.recv(received, 0, received.length);
                if (n <= 0) {
                    break;
                }
                receivedOff = 0;
                receivedEnd = n;
            }
            while (receivedOff < receivedEnd && hid.canTakeInput()) {
                int event = session.feed(received, receivedOff, receivedEnd - receivedOff, now);
                int consumed = session.consumed();
                receivedOff += consumed;
                if (event < 0) {
                    fail(now);
                    return;
                }
                handle(event, now);
                if (consumed == 0) {
                    break;
                }
            }
        }
        if (session.tick(now) < 0) {
            fail(now);
            return;
        }
        pushStatusIfChanged();
        flush();
    }

    private void handle(int event, long now) {
        switch (event) {
            case SessionEvent.AUTHENTICATED:
                controlling = true;
                lastStatus = -1; // the server learns the state at once
                break;
            case SessionEvent.ADOPTED:
                session.takeSeedMaterial(seedMaterial, 0);
                seed.mix(seedMaterial, 0, seedMaterial.length);
                storeSecret(); // the save carries the mixed seed
                break;
            case SessionEvent.SECRET_CHANGED:
                storeSecret();
                session.acknowledgeSecret();
                break;
            case SessionEvent.MESSAGE:
                act(now);
                break;
            default:
                break;
        }
    }

    private void act(long now) {
        byte[] b = session.messageBuffer();
        int p = session.messageOffset();
        switch (session.messageType()) {
            case MessageType.KEYBOARD: {
                int count = Keyboard.count(b, p);
                for (int i = 0; i < count; i++) {
                    usages[i] = (byte) Keyboard.usage(b, p, i);
                }
                hid.keyboard(Keyboard.modifiers(b, p), usages, 0, count);
                break;
            }
            case MessageType.MOUSE_RELATIVE:
                hid.mouseMove(MouseRelative.buttons(b, p), MouseRelative.dx(b, p), MouseRelative.dy(b, p),
                        MouseRelative.wheel(b, p), MouseRelative.hwheel(b, p));
                break;
            case MessageType.MOUSE_ABSOLUTE:
                hid.pointer(MouseAbsolute.buttons(b, p), MouseAbsolute.x(b, p), MouseAbsolute.y(b, p),
                        MouseAbsolute.wheel(b, p), MouseAbsolute.hwheel(b, p));
                break;
            case MessageType.POWER:
                // A press while another runs is refused by the panel (BUSY): the status tells the server.
                panel.press(pressFor(Power.action(b, p)), now);
                break;
            case MessageType.RELEASE_ALL:
                releaseAll();
                break;
            case MessageType.STATUS_REQUEST:
                lastStatus = -1;
                break;
            default:
                break;
        }
    }

    private static int pressFor(int action) {
        switch (action) {
            case Power.SHORT_PRESS:
                return FrontPanel.PRESS_SHORT;
            case Power.LONG_PRESS:
                return FrontPanel.PRESS_LONG;
            case Power.RESET:
                return FrontPanel.PRESS_RESET;
            default:
                return FrontPanel.PRESS_NONE;
        }
    }

    /**
     * Ends the connection at once, without a FIN (the link went down, a newer session replaced
     * this one, or a stranger's connection must make room); an authenticated session lets go
     * of everything.
     */
    public void drop() {
        sessionEnded();
        socket.close();
        socketState = SocketRegisters.SOCK_CLOSED;
    }

    private void fail(long now) {
        releaseIfControlling();
        closeAt = now + CLOSE_FLUSH_MILLIS;
        flush();
    }

    private void sessionEnded() {
        releaseIfControlling();
        controlling = false;
        session.close();
        closeAt = Long.MAX_VALUE;
        receivedOff = 0;
        receivedEnd = 0;
    }

    private void releaseAll() {
        hid.releaseAll();
        panel.releaseAll();
    }

    private void releaseIfControlling() {
        if (controlling) {
            releaseAll();
        }
    }

    private void storeSecret() {
        session.copySecret(settings.secret, 0);
        settings.adopted = true;
        storage.save(settings);
        secretsStored++;
    }

    private void pushStatusIfChanged() {
        if (!session.isAuthenticated()) {
            return;
        }
        int flags = statusFlags();
        int leds = hid.leds() & 0x1F;
        int hdd = panel.hddActive() ? 100 : 0;
        int status = (flags << 16) | (leds << 8) | hdd;
        if (status != lastStatus && session.sendStatus(flags, leds, hdd) > 0) {
            lastStatus = status;
        }
    }

    private int statusFlags() {
        // A session exists only while the link is up: link loss ends it (linkLost).
        int flags = Status.FLAG_LINK;
        if (panel.powerLed() != PowerLedMonitor.OFF) {
            flags |= Status.FLAG_POWER_LED;
        }
        if (panel.hddActive()) {
            flags |= Status.FLAG_HDD_LED;
        }
        if (hid.isConfigured()) {
            flags |= Status.FLAG_USB_CONFIGURED;
        }
        if (hid.isSuspended()) {
            flags |= Status.FLAG_USB_SUSPENDED;
        }
        if (hid.protocol(UsbHid.KEYBOARD) == UsbHid.PROTOCOL_BOOT) {
            flags |= Status.FLAG_BOOT_PROTOCOL;
        }
        return flags;
    }

    private void flush() {
        int pending = session.outputLength();
        if (pending > 0) {
            int sent = socket.send(session.output(), 0, pending);
            if (sent > 0) {
                session.outputSent(sent);
            }
        }
    }

    /** When {@link #poll} must run next even if no interrupt comes (keep-alive, timeouts). */
    public long nextDeadline() {
        long deadline = session.nextDeadline();
        return closeAt < deadline ? closeAt : deadline;
    }

    public boolean sessionAuthenticated() {
        return session.isAuthenticated();
    }

    /** Sn_SR as the last {@link #poll} read it. */
    public int socketState() {
        return socketState;
    }

    /** Secrets this service stored (adoption, a new secret): the other sessions must take them up. */
    public int secretsStored() {
        return secretsStored;
    }

    /**
     * Another socket's session stored a secret: this session takes it up at once, so its
     * handshake, even one under way, proves that one, and a second ADOPT is refused.
     */
    public void useStoredSecret() {
        if (settings.adopted) {
            session.setSecret(settings.secret, 0);
        }
    }

    /** Connections served since start, for diagnostics and tests. */
    public int sessionsStarted() {
        return sessionsStarted;
    }
}
