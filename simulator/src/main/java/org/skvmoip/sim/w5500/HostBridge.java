package org.skvmoip.sim.w5500;

/**
 * Keeps each chip socket's host side in step with the chip: when a command or event changes
 * what a socket needs (listen, connect, UDP, nothing), this thread aborts the old
 * {@link HostLink} and starts the new one. It exists so that the firmware thread, which issues
 * the commands, never opens a host socket, starts a thread or allocates.
 */
final class HostBridge {

    private static final long JOIN_MILLIS = 2_000;

    private final ChipState chip;
    private final HostNetwork network;
    private final String name;
    private final HostListeners listeners;
    private final HostLink[] links = new HostLink[SpiFrameFormat.SOCKETS];
    private final int[] applied = new int[SpiFrameFormat.SOCKETS];
    private final Thread thread;

    HostBridge(ChipState chip, HostNetwork network, String name) {
        this.chip = chip;
        this.network = network;
        this.name = name;
        this.listeners = new HostListeners(chip, network, name);
        this.thread = new Thread(this::run, name + "-bridge");
        this.thread.setDaemon(true);
        synchronized (chip) {
            for (int n = 0; n < applied.length; n++) {
                applied[n] = chip.sockets[n].generation;
            }
        }
    }

    void start() {
        thread.start();
    }

    /** Waits for the bridge and every host thread to end; call after setting {@code chip.closed}. */
    void join() throws InterruptedException {
        thread.join(JOIN_MILLIS);
    }

    private void run() {
        try {
            while (true) {
                HostLink next;
                int n;
                synchronized (chip) {
                    while (!chip.closed && changedSocket() < 0) {
                        chip.wait();
                    }
                    if (chip.closed) {
                        break;
                    }
                    n = changedSocket();
                    ModelSocket socket = chip.sockets[n];
                    applied[n] = socket.generation;
                    next = linkFor(socket);
                }
                replace(n, next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutDown();
        }
    }

    private int changedSocket() {
        for (int n = 0; n < applied.length; n++) {
            if (applied[n] != chip.sockets[n].generation) {
                return n;
            }
        }
        return -1;
    }

    private HostLink linkFor(ModelSocket socket) {
        switch (socket.hostAction) {
            case ModelSocket.HOST_LISTEN:
                return new TcpLink(chip, network, socket, socket.generation, name, listeners, true, socket.hostLocalPort,
                        0);
            case ModelSocket.HOST_CONNECT:
                return new TcpLink(chip, network, socket, socket.generation, name, listeners, false, socket.hostLocalPort,
                        socket.hostRemotePort);
            case ModelSocket.HOST_UDP:
                return new UdpLink(chip, network, socket, socket.generation, name, socket.hostLocalPort);
            default:
                return null;
        }
    }

    private void replace(int n, HostLink next) {
        if (links[n] != null) {
            links[n].abort();
        }
        links[n] = next;
        if (next != null) {
            next.start();
        }
    }

    private void shutDown() {
        for (HostLink link : links) {
            if (link != null) {
                link.abort();
            }
        }
        try {
            for (HostLink link : links) {
                if (link != null) {
                    link.join(JOIN_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
