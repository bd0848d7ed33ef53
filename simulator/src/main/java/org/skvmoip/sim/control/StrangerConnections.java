package org.skvmoip.sim.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A peer on the LAN that is not the module's server, trying to hog its control port: it keeps
 * {@code holds} connections open, each from its own loopback address (127.0.0.2, .3, ...), and
 * opens a new one the moment one ends; a refused connect is tried again after 1 ms (a LAN's
 * round trip is about a tenth of that; the pause only spares the test machine's CPU). It never sends
 * a byte, so each connection sits in the handshake until the module closes it.
 */
public final class StrangerConnections implements AutoCloseable {

    private final IntSupplier port;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running = true;

    private StrangerConnections(IntSupplier port) {
        this.port = port;
    }

    /** Starts {@code holds} connection loops against the host port {@code port} names at each try. */
    public static StrangerConnections start(IntSupplier port, int holds) {
        StrangerConnections stranger = new StrangerConnections(port);
        for (int i = 0; i < holds; i++) {
            String source = "127.0.0." + (2 + i);
            Thread thread = new Thread(() -> stranger.hold(source), "stranger-" + source);
            thread.setDaemon(true);
            stranger.threads.add(thread);
            thread.start();
        }
        return stranger;
    }

    /** Connects tried so far, refused or not. */
    public int attempts() {
        return attempts.get();
    }

    /** Connections the module accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void hold(String source) {
        byte[] sink = new byte[256];
        while (running) {
            int p = port.getAsInt();
            if (p <= 0) {
                pause();
                continue;
            }
            Socket socket = new Socket();
            attempts.incrementAndGet();
            try {
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", p), 1_000);
                connections.incrementAndGet();
                remember(socket);
                InputStream in = socket.getInputStream();
                while (running && in.read(sink) >= 0) {
                    // the module's HELLO; the stranger cannot answer it and waits to be dropped
                }
            } catch (ConnectException e) {
                pause();
            } catch (IOException e) {
                // reset by the module: straight back in
            } finally {
                forget(socket);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void remember(Socket socket) {
        synchronized (open) {
            open.add(socket);
        }
    }

    private void forget(Socket socket) {
        synchronized (open) {
            open.remove(socket);
        }
        try {
            socket.close();
        } catch (IOException e) {
            // gone anyway
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        List<Socket> toClose;
        synchronized (open) {
            toClose = new ArrayList<>(open);
        }
        for (Socket socket : toClose) {
            try {
                socket.close();
            } catch (IOException e) {
                // gone anyway
            }
        }
        for (Thread thread : threads) {
            thread.join(2_000);
        }
    }
}
