package org.skvmoip.sim.w5500;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of one chip socket for one generation of it (one OPEN/LISTEN/CONNECT): real
 * host sockets and the threads that block on them. Its threads act on the chip only while
 * {@link #isCurrent()}; when the chip moves on (CLOSE, reset, a new OPEN) the bridge aborts the
 * link, which closes its host sockets and so unblocks its threads.
 */
abstract class HostLink {

    static final Logger LOG = System.getLogger("org.skvmoip.sim.w5500");

    /** Host threads get their data through this; the largest a socket buffer can be. */
    static final int IO_BUFFER_BYTES = BufferMemory.TOTAL_BYTES;

    final ChipState chip;
    final HostNetwork network;
    final ModelSocket socket;
    final int generation;
    private final String name;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Closeable> hostSockets = new ArrayList<>();
    private boolean aborted;

    HostLink(ChipState chip, HostNetwork network, ModelSocket socket, int generation, String name) {
        this.chip = chip;
        this.network = network;
        this.socket = socket;
        this.generation = generation;
        this.name = name;
    }

    abstract void start();

    /** Caller holds the chip monitor. */
    final boolean isCurrent() {
        return socket.isCurrent(generation) && !chip.closed;
    }

    final void spawn(String role, Runnable body) {
        Thread thread = new Thread(body, name + "-s" + socket.index + "-" + role);
        thread.setDaemon(true);
        synchronized (threads) {
            threads.add(thread);
        }
        thread.start();
    }

    /** Remembers a host socket for {@link #abort}; false (and closed) when the link is already aborted. */
    final boolean register(Closeable hostSocket) {
        synchronized (hostSockets) {
            if (!aborted) {
                hostSockets.add(hostSocket);
                return true;
            }
        }
        closeQuietly(hostSocket);
        return false;
    }

    /** Closes every host socket (TCP ones with RST, see {@link TcpLink#abortive}). */
    final void abort() {
        List<Closeable> toClose;
        synchronized (hostSockets) {
            aborted = true;
            toClose = new ArrayList<>(hostSockets);
        }
        for (Closeable hostSocket : toClose) {
            closeQuietly(hostSocket);
        }
    }

    final void join(long millis) throws InterruptedException {
        List<Thread> toJoin;
        synchronized (threads) {
            toJoin = new ArrayList<>(threads);
        }
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (Thread thread : toJoin) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.log(Logger.Level.DEBUG, "closing a host socket failed", e);
        }
    }

    /** Host threads end on interrupt; the flag is kept for whoever interrupted them. */
    static void interrupted() {
        Thread.currentThread().interrupt();
    }
}
