package org.skvmoip.sim.w5500;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * A chip TCP socket bridged to a host TCP connection: LISTEN takes one host connection from the
 * port's {@link HostListeners}, CONNECT makes one; then a reader thread fills the RX buffer and a writer thread drains the TX
 * buffer. Both wait on the chip monitor for room, data, link and commands.
 */
final class TcpLink extends HostLink {

    private final HostListeners listeners;
    private final boolean listen;
    private final int localPort;
    private final int remotePort;

    TcpLink(ChipState chip, HostNetwork network, ModelSocket socket, int generation, String name,
            HostListeners listeners, boolean listen, int localPort, int remotePort) {
        super(chip, network, socket, generation, name);
        this.listeners = listeners;
        this.listen = listen;
        this.localPort = localPort;
        this.remotePort = remotePort;
    }

    @Override
    void start() {
        spawn(listen ? "listen" : "connect", this::run);
    }

    private void run() {
        try {
            Socket connection = listen ? accept() : connect();
            if (connection == null) {
                return;
            }
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            spawn("tx", () -> writeLoop(connection, out));
            readLoop(in);
        } catch (IOException e) {
            lost(e);
        } catch (InterruptedException e) {
            interrupted();
        }
    }

    /**
     * One connection, as the chip accepts one SYN per listening socket; other sockets listening
     * on the same port take the next ones ({@link HostListeners}).
     */
    private Socket accept() throws InterruptedException {
        Socket connection = listeners.await(this, localPort);
        if (connection == null) {
            return null;
        }
        if (!register(abortive(connection))) {
            return null;
        }
        synchronized (chip) {
            while (isCurrent() && !socket.peerReachable()) {
                chip.wait(); // with the cable out the SYN never reaches the chip
            }
            if (!isCurrent()) {
                return null;
            }
            socket.established(connection.getInetAddress().getAddress(), connection.getPort());
            chip.changed();
        }
        return connection;
    }

    /**
     * From Sn_PORT (§4.2 Sn_PORT: the source port of the connection), to Sn_DPORT on loopback. The
     * chip first resolves the peer's MAC, so with the cable out the connect ends after ARP_TO; an
     * unanswered SYN ends after TCP_TO, both CLOSED with Sn_IR.TIMEOUT; a RST (the host port
     * refuses) ends CLOSED without it (§4.2 Sn_CR CONNECT).
     */
    private Socket connect() throws InterruptedException {
        Socket connection = new Socket();
        if (!register(abortive(connection))) {
            return null;
        }
        long timeoutNanos;
        synchronized (chip) {
            long deadline = System.nanoTime() + chip.arpTimeoutNanos();
            while (isCurrent() && !socket.peerReachable() && chip.waitUntil(deadline)) {
                // the ARP request cannot leave with the cable out; wait for the link or ARP_TO
            }
            if (!isCurrent()) {
                return null;
            }
            if (!socket.peerReachable()) {
                socket.timedOut();
                chip.changed();
                return null;
            }
            timeoutNanos = chip.tcpTimeoutNanos();
        }
        try {
            bindSourcePort(connection);
            connection.connect(network.destination(remotePort), (int) Math.max(1, timeoutNanos / 1_000_000));
        } catch (ConnectException e) {
            synchronized (chip) {
                if (isCurrent()) {
                    socket.refused();
                    chip.changed();
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            synchronized (chip) {
                if (isCurrent()) {
                    socket.timedOut();
                    chip.changed();
                }
            }
            return null;
        }
        synchronized (chip) {
            if (!isCurrent()) {
                return null;
            }
            socket.settled(connection.getLocalPort());
            socket.established(null, 0);
            chip.changed();
        }
        return connection;
    }

    /**
     * The host port for Sn_PORT, as {@link HostNetwork} maps chip ports. If the host cannot give
     * it (another chip socket of this host listens there, say) the connection still goes out,
     * from an ephemeral port, with a warning: a connection that works beats one refused by the
     * simulation.
     */
    private void bindSourcePort(Socket connection) throws IOException {
        int port;
        try {
            port = network.bindPort(localPort);
        } catch (IllegalArgumentException e) {
            HostLink.LOG.log(Level.WARNING, "W5500 socket " + socket.index + ": " + e.getMessage()
                    + "; connecting from an ephemeral port instead");
            port = 0;
        }
        connection.setReuseAddress(true);
        try {
            connection.bind(new InetSocketAddress(network.address(), port));
        } catch (IOException e) {
            HostLink.LOG.log(Level.WARNING, "W5500 socket " + socket.index + " cannot connect from host port " + port
                    + " for chip port " + localPort + " (" + e.getMessage() + "); connecting from an ephemeral port instead");
            connection.bind(new InetSocketAddress(network.address(), 0));
        }
    }

    /**
     * Reads only as much as the RX buffer has room for, so a full buffer leaves the rest in the
     * host's socket buffers and the host sender stalls, as a zero TCP window would make it.
     */
    private void readLoop(InputStream in) throws InterruptedException {
        byte[] buffer = new byte[IO_BUFFER_BYTES];
        while (true) {
            int room;
            synchronized (chip) {
                while (isCurrent() && (!socket.peerReachable() || socket.rxFree() == 0)) {
                    chip.wait();
                }
                if (!isCurrent()) {
                    return;
                }
                room = Math.min(socket.rxFree(), buffer.length);
            }
            int n;
            try {
                n = in.read(buffer, 0, room);
            } catch (IOException e) {
                lost(e);
                return;
            }
            synchronized (chip) {
                while (isCurrent() && !socket.peerReachable()) {
                    chip.wait(); // already read from the host: hold it until the cable is back
                }
                if (!isCurrent()) {
                    return;
                }
                if (n < 0) {
                    socket.peerClosed();
                    chip.changed();
                    return;
                }
                socket.appendRx(buffer, 0, n);
                chip.changed();
            }
        }
    }

    private void writeLoop(Socket connection, OutputStream out) {
        byte[] buffer = new byte[IO_BUFFER_BYTES];
        try {
            while (true) {
                int n = takeTx(buffer);
                if (n < 0) {
                    return;
                }
                if (n == 0) {
                    connection.shutdownOutput();
                    finishClose();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                synchronized (chip) {
                    if (!isCurrent()) {
                        return;
                    }
                    socket.txSent(n);
                    chip.changed();
                }
            }
        } catch (IOException e) {
            lost(e);
        } catch (InterruptedException e) {
            interrupted();
        }
    }

    /**
     * Waits for data to send; returns its length, 0 when DISCON asks for our FIN, -1 when the
     * connection is gone. Data, keep-alives and FIN that the peer cannot acknowledge (cable out,
     * PHY off, peer silent) are retransmitted until TCP_TO, counted from when they were first
     * sent, and then the socket closes with Sn_IR.TIMEOUT.
     */
    private int takeTx(byte[] buffer) throws InterruptedException {
        synchronized (chip) {
            while (isCurrent()) {
                long now = System.nanoTime();
                int pending = socket.txPending();
                boolean reachable = socket.peerReachable();
                KeepAlive keepAlive = socket.keepAlive;
                long period = socket.keepAlivePeriodNanos();
                if (pending > 0 && !reachable) {
                    if (!chip.waitUntil(socket.sendStartNanos + chip.tcpTimeoutNanos())) {
                        return timeOut();
                    }
                } else if (pending > 0 && !socket.holdTransmit) {
                    socket.copyTx(buffer, pending);
                    return pending;
                } else if (pending == 0 && socket.disconRequested && reachable) {
                    return 0;
                } else if (pending == 0 && socket.disconRequested) {
                    if (!chip.waitUntil(socket.disconNanos + chip.tcpTimeoutNanos())) {
                        return timeOut(); // our FIN could not leave
                    }
                } else if (keepAlive.due(now, period) && reachable) {
                    keepAlive.answered(now); // the host's TCP stack ACKs it: nothing the host program sees
                } else if (keepAlive.due(now, period)) {
                    if (!chip.waitUntil(keepAlive.unanswered(now) + chip.tcpTimeoutNanos())) {
                        return timeOut();
                    }
                } else if (keepAlive.nextNanos(period) == KeepAlive.NEVER) {
                    chip.wait();
                } else {
                    chip.waitUntil(keepAlive.nextNanos(period));
                }
            }
            return -1;
        }
    }

    private int timeOut() {
        socket.timedOut();
        chip.changed();
        return -1;
    }

    /** After our FIN: done when the peer's FIN is in, else CLOSED with TIMEOUT after TCP_TO. */
    private void finishClose() throws InterruptedException {
        synchronized (chip) {
            long deadline = System.nanoTime() + chip.tcpTimeoutNanos();
            while (isCurrent() && !socket.peerFin && chip.waitUntil(deadline)) {
                // the reader thread sets peerFin when the host's EOF arrives
            }
            if (!isCurrent()) {
                return;
            }
            if (socket.peerFin) {
                socket.closedGracefully();
            } else {
                socket.timedOut();
            }
            chip.changed();
        }
    }

    private void settle(int port) {
        synchronized (chip) {
            if (isCurrent()) {
                socket.settled(port);
                chip.changed();
            }
        }
    }

    /** The host connection broke (peer RST, or aborted by us): the chip sees the peer's RST. */
    private void lost(IOException e) {
        synchronized (chip) {
            if (isCurrent()) {
                HostLink.LOG.log(Level.DEBUG, "W5500 socket " + socket.index + " host connection lost: " + e);
                socket.aborted();
                chip.changed();
            }
        }
    }

    /** Closing with SO_LINGER 0 sends RST: what the host peer should see when the chip drops a connection. */
    private static Closeable abortive(Socket connection) {
        return () -> {
            try {
                connection.setSoLinger(true, 0);
            } catch (SocketException e) {
                // already closed
            }
            connection.close();
        };
    }
}
