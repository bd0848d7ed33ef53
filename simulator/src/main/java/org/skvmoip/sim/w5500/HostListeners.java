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
 * The host side of the chip's TCP ports that sockets listen on. The W5500 lets several sockets
 * listen on one port (§4.2 Sn_CR LISTEN: a socket in SOCK_LISTEN waits for a SYN "from any TCP
 * client"; nothing ties a port to one socket, and WIZnet's multi-socket server examples put
 * all eight on one port). So one host server socket stands for each chip port, open while at
 * least one chip socket waits in SOCK_LISTEN on it; each connection goes to one waiting socket
 * (the datasheet does not say which: the model gives it to the lowest-numbered); with none
 * waiting the server socket is closed, so a host connect is refused as a SYN to a port nobody
 * listens on is answered with RST.
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
            try {
                while (link.isCurrent() && link.handed == null && !port.failed) {
                    chip.wait();
                }
            } finally {
                port.waiting.remove(link);
                if (port.waiting.isEmpty()) {
                    port.close();
                }
            }
            Socket connection = link.handed;
            link.handed = null;
            if (connection != null && !link.isCurrent()) {
                HostLink.closeQuietly(connection); // the socket moved on between SYN and hand-over
                return null;
            }
            return connection;
        }
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
                    TcpLink taker = lowestListening();
                    if (taker == null) {
                        abort(connection);
                    } else {
                        waiting.remove(taker);
                        taker.handed = connection;
                        chip.changed();
                        if (waiting.isEmpty()) {
                            close(); // refused from now on, not accepted and then reset
                        }
                    }
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

        /** The waiting socket a SYN reaches: the lowest-numbered still in LISTEN. */
        private TcpLink lowestListening() {
            TcpLink lowest = null;
            for (TcpLink link : waiting) {
                if (link.isCurrent() && link.socket.status() == SocketRegisterMap.SOCK_LISTEN
                        && (lowest == null || link.socket.index < lowest.socket.index)) {
                    lowest = link;
                }
            }
            return lowest;
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
