package org.skvmoip.sim.w5500;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host side of the chip's TCP ports that sockets listen on. Several sockets may listen on
 * one port (§4.2 Sn_CR LISTEN: a socket in SOCK_LISTEN waits for a SYN "from any TCP client";
 * nothing in the datasheet ties a port to one socket; a real board should confirm it, and which
 * socket a SYN picks). So one host server socket stands for each chip port, open while at
 * least one chip socket is in SOCK_LISTEN on it; each connection goes to one of those sockets
 * (the datasheet does not say which: the model gives it to the lowest-numbered), kept for it
 * until its host thread takes it; with none listening the server socket is closed, so a host
 * connect is refused as a SYN to a port nobody listens on is answered with RST. What decides is
 * the chip's state, not whether a socket's host thread has started yet: a socket listens from
 * its LISTEN command on, as on the chip.
 */
final class HostListeners {

    /** A bind can fail for a moment while the previous server socket of the same port is closing. */
    private static final int BIND_ATTEMPTS = 20;
    private static final long BIND_RETRY_MILLIS = 5;

    private final ChipState chip;
    private final HostNetwork network;
    private final String name;
    /** Chip port to its listener; guarded by the chip monitor. */
    private final Map<Integer, Port> ports = new HashMap<>();
    /** Per chip socket: a connection it took, until its host thread picks it up; and for which generation. */
    private final Socket[] handed = new Socket[SpiFrameFormat.SOCKETS];
    private final int[] handedGeneration = new int[SpiFrameFormat.SOCKETS];

    HostListeners(ChipState chip, HostNetwork network, String name) {
        this.chip = chip;
        this.network = network;
        this.name = name;
    }

    /**
     * Waits, on {@code link}'s thread, for a connection to its chip socket's port. Settles the
     * socket (its host port, or -1 when the port cannot be bound) on the way.
     *
     * @return the connection, or null when the chip socket left LISTEN first (or nobody can connect)
     */
    Socket await(TcpLink link, int chipPort) throws InterruptedException {
        synchronized (chip) {
            Port port = ports.get(chipPort);
            if (port == null) {
                port = new Port(chipPort);
                ports.put(chipPort, port);
                port.start();
            }
            port.waiting.add(link);
            if (port.hostPort != 0) {
                settle(link, port.hostPort);
            }
            int n = link.socket.index;
            try {
                while (link.isCurrent() && !handedTo(n, link.generation) && !port.failed) {
                    chip.wait();
                }
            } finally {
                port.waiting.remove(link);
                port.closeUnlessListened();
            }
            if (!link.isCurrent() || !handedTo(n, link.generation)) {
                return null;
            }
            Socket connection = handed[n];
            handed[n] = null;
            return connection;
        }
    }

    private boolean handedTo(int n, int generation) {
        return handed[n] != null && handedGeneration[n] == generation;
    }

    /** Whether chip socket {@code s} can take a SYN for {@code chipPort}; drops a connection kept for an older generation. */
    private boolean takesSyn(ModelSocket s, int chipPort) {
        if (handed[s.index] != null && handedGeneration[s.index] != s.generation) {
            HostLink.closeQuietly(handed[s.index]); // kept for a LISTEN the socket has since left
            handed[s.index] = null;
        }
        return s.isTcp() && s.status() == SocketRegisterMap.SOCK_LISTEN && s.hostLocalPort == chipPort
                && handed[s.index] == null;
    }

    private void settle(TcpLink link, int hostPort) {
        if (link.isCurrent()) {
            link.socket.settled(hostPort);
            chip.changed();
        }
    }

    /** One chip port's host server socket and the chip sockets listening on it. Guarded by the chip monitor. */
    private final class Port {

        final int chipPort;
        final List<TcpLink> waiting = new ArrayList<>();
        ServerSocket server;
        int hostPort;
        boolean failed;
        boolean closed;

        Port(int chipPort) {
            this.chipPort = chipPort;
        }

        void start() {
            Thread thread = new Thread(this::run, name + "-port" + chipPort + "-accept");
            thread.setDaemon(true);
            thread.start();
        }

        /** Closes the server socket once no chip socket listens on the port any more. */
        void closeUnlessListened() {
            for (ModelSocket s : chip.sockets) {
                if (takesSyn(s, chipPort)) {
                    return;
                }
            }
            close();
        }

        /** No socket listens any more: later connects are refused. */
        void close() {
            closed = true;
            if (ports.get(chipPort) == this) {
                ports.remove(chipPort);
            }
            if (server != null) {
                HostLink.closeQuietly(server);
            }
        }

        private void run() {
            ServerSocket bound = bind();
            if (bound == null) {
                return;
            }
            while (true) {
                Socket connection;
                try {
                    connection = bound.accept();
                } catch (IOException e) {
                    return; // closed: no socket listens any more
                }
                synchronized (chip) {
                    ModelSocket taker = lowestListening();
                    if (taker == null) {
                        abort(connection);
                    } else {
                        handed[taker.index] = connection;
                        handedGeneration[taker.index] = taker.generation;
                        chip.changed();
                    }
                    closeUnlessListened(); // refused from now on, not accepted and then reset
                    if (closed) {
                        return;
                    }
                }
            }
        }

        private ServerSocket bind() {
            for (int attempt = 1; ; attempt++) {
                ServerSocket candidate = null;
                try {
                    candidate = new ServerSocket();
                    candidate.setReuseAddress(true);
                    candidate.bind(new InetSocketAddress(network.address(), network.bindPort(chipPort)), 1);
                } catch (BindException e) {
                    HostLink.closeQuietly(candidate);
                    if (attempt < BIND_ATTEMPTS && sleepBeforeRetry()) {
                        continue;
                    }
                    return failed(e);
                } catch (IOException | IllegalArgumentException e) {
                    if (candidate != null) {
                        HostLink.closeQuietly(candidate);
                    }
                    return failed(e);
                }
                synchronized (chip) {
                    if (closed) {
                        HostLink.closeQuietly(candidate);
                        return null;
                    }
                    server = candidate;
                    hostPort = candidate.getLocalPort();
                    for (TcpLink link : waiting) {
                        settle(link, hostPort);
                    }
                }
                return candidate;
            }
        }

        private boolean sleepBeforeRetry() {
            synchronized (chip) {
                if (closed) {
                    return false;
                }
            }
            try {
                Thread.sleep(BIND_RETRY_MILLIS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private ServerSocket failed(Exception e) {
            HostLink.LOG.log(Level.WARNING, "W5500: cannot listen on the host for chip port " + chipPort + " ("
                    + network + "): " + e.getMessage() + "; its sockets stay in LISTEN and nobody can connect");
            synchronized (chip) {
                failed = true;
                for (TcpLink link : waiting) {
                    settle(link, -1);
                }
                close();
            }
            return null;
        }

        /** The socket a SYN reaches: the lowest-numbered in LISTEN on the port. */
        private ModelSocket lowestListening() {
            for (ModelSocket s : chip.sockets) {
                if (takesSyn(s, chipPort)) {
                    return s;
                }
            }
            return null;
        }

        private void abort(Socket connection) {
            try {
                connection.setSoLinger(true, 0);
            } catch (SocketException e) {
                // already closed
            }
            HostLink.closeQuietly(connection);
        }
    }
}
