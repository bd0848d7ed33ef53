package org.skvmoip.firmware.control;

import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.firmware.w5500.W5500Socket;

/**
 * The sockets listening on the control port (docs/protocol.md §1), each served by its own
 * {@link ControlService}, and the rule that keeps the module reachable by its server whatever
 * else on the LAN connects: <b>one socket always listens</b>.
 *
 * <p>The W5500 takes any SYN on a listening socket, so anyone on the LAN can connect; with one
 * socket, a peer that reconnects the moment it is dropped held the module from its server for
 * good. Here, whenever no socket is left listening, the oldest connection of a <i>stranger</i>
 * that has not authenticated is closed and its socket listens again. A stranger is any peer
 * but the server: the address of the last peer whose handshake succeeded (kept in RAM; until
 * one succeeds after power-up, every peer is a stranger). So strangers only ever displace
 * strangers: the server's connect finds a listening socket as long as strangers hold fewer
 * connections than there are sockets, and its handshake is never cut short. Three sockets, so
 * that a stranger holding two connections still leaves one (a stranger holding as many as there
 * are sockets can still win races for the listening one).
 *
 * <p>A newly authenticated session replaces any older one: the server that restarted, or whose
 * link dropped before the module noticed, reconnects and takes over at once instead of waiting
 * out the old session's keep-alive timeout. A handshake that fails leaves the old session be.
 *
 * <p>A socket that listens and has no interrupt pending (SIR) is not polled: nothing can have
 * changed on it, and skipping it keeps the SPI cost of an input frame where one socket had it.
 */
public final class ControlListeners {

    private final W5500 chip;
    private final ControlService[] services;
    private final W5500Socket[] sockets;
    /** Per socket: when (in connections counted) its current connection began; the smallest is the oldest. */
    private final int[] connectedAs;
    private final boolean[] wasBusy;
    private final boolean[] wasAuthenticated;
    private final int[] secretsSeen;
    private final byte[] server = new byte[4];
    private final byte[] peer = new byte[4];
    private boolean serverKnown;
    private int connections;
    private int strangersClosed;

    /** @param services one per socket listening on the control port; {@code sockets[i]} is the one {@code services[i]} serves */
    public ControlListeners(W5500 chip, ControlService[] services, W5500Socket[] sockets) {
        if (services.length != sockets.length || services.length < 2) {
            throw new IllegalArgumentException("control: " + services.length + " services for " + sockets.length
                    + " sockets; one each, and at least two so one can always listen");
        }
        this.chip = chip;
        this.services = services;
        this.sockets = sockets;
        this.connectedAs = new int[services.length];
        this.wasBusy = new boolean[services.length];
        this.wasAuthenticated = new boolean[services.length];
        this.secretsSeen = new int[services.length];
    }

    /** Serves every control socket, then makes sure one listens; never blocks. */
    public void poll(long now) {
        int pending = chip.pendingSocketInterrupts();
        for (int i = 0; i < services.length; i++) {
            if (services[i].socketState() == SocketRegisters.SOCK_LISTEN
                    && (pending & (1 << sockets[i].number())) == 0) {
                continue; // a SYN, or a failed one, would have raised Sn_IR
            }
            services[i].poll(now);
            noticeConnection(i);
            noticeAuthentication(i);
            noticeSecret(i);
        }
        keepOneListening(now);
    }

    private void noticeConnection(int i) {
        boolean busy = busy(services[i].socketState());
        if (busy && !wasBusy[i]) {
            connectedAs[i] = ++connections;
        }
        wasBusy[i] = busy;
    }

    private void noticeAuthentication(int i) {
        boolean authenticated = services[i].sessionAuthenticated();
        if (authenticated && !wasAuthenticated[i]) {
            sockets[i].peerAddress(server, 0);
            serverKnown = true;
            for (int j = 0; j < services.length; j++) {
                if (j != i && services[j].sessionAuthenticated()) {
                    services[j].drop(); // the older session: its server came back on this socket
                    wasAuthenticated[j] = false;
                    wasBusy[j] = false;
                }
            }
        }
        wasAuthenticated[i] = authenticated;
    }

    private void noticeSecret(int i) {
        int stored = services[i].secretsStored();
        if (stored != secretsSeen[i]) {
            secretsSeen[i] = stored;
            for (int j = 0; j < services.length; j++) {
                if (j != i) {
                    services[j].useStoredSecret();
                }
            }
        }
    }

    private void keepOneListening(long now) {
        int oldest = -1;
        for (int i = 0; i < services.length; i++) {
            if (!busy(services[i].socketState())) {
                return; // listening, or about to at its next poll
            }
            if (!services[i].sessionAuthenticated() && isStranger(i)
                    && (oldest < 0 || connectedAs[i] < connectedAs[oldest])) {
                oldest = i;
            }
        }
        if (oldest >= 0) {
            services[oldest].drop();
            strangersClosed++;
            services[oldest].poll(now); // listening again in this same pass
            wasBusy[oldest] = busy(services[oldest].socketState());
        }
    }

    private boolean isStranger(int i) {
        if (!serverKnown) {
            return true;
        }
        sockets[i].peerAddress(peer, 0);
        for (int b = 0; b < 4; b++) {
            if (peer[b] != server[b]) {
                return true;
            }
        }
        return false;
    }

    /** Taken by a connection (or on its way in or out of one): the socket cannot take a SYN. */
    private static boolean busy(int state) {
        return state != SocketRegisters.SOCK_CLOSED && state != SocketRegisters.SOCK_INIT
                && state != SocketRegisters.SOCK_LISTEN;
    }

    /** The Ethernet link went down: every connection is gone for certain; let go of everything. */
    public void linkLost() {
        for (int i = 0; i < services.length; i++) {
            services[i].drop();
            wasBusy[i] = false;
            wasAuthenticated[i] = false;
        }
    }

    /** When {@link #poll} must run next even if no interrupt comes (keep-alive, timeouts). */
    public long nextDeadline() {
        long deadline = Long.MAX_VALUE;
        for (int i = 0; i < services.length; i++) {
            long next = services[i].nextDeadline();
            if (next < deadline) {
                deadline = next;
            }
        }
        return deadline;
    }

    public boolean sessionAuthenticated() {
        for (int i = 0; i < services.length; i++) {
            if (services[i].sessionAuthenticated()) {
                return true;
            }
        }
        return false;
    }

    /** Connections served since start on all control sockets, for diagnostics and tests. */
    public int sessionsStarted() {
        int started = 0;
        for (int i = 0; i < services.length; i++) {
            started += services[i].sessionsStarted();
        }
        return started;
    }

    /** Strangers' connections closed to keep a socket listening, for diagnostics and tests. */
    public int strangersClosed() {
        return strangersClosed;
    }
}
