package org.skvmoip.sim.w5500;

import java.util.concurrent.atomic.AtomicInteger;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;

/**
 * A register-accurate W5500 (datasheet v1.1) behind the firmware's SPI interface, its sockets
 * bridged to real host sockets through {@link HostNetwork}.
 *
 * <p>SPI frames are decoded byte by byte as the chip does (§2.2, see {@link SpiDecoder}): two
 * address bytes, a control byte, then data; the address increments per data byte and wraps at 16
 * bits. In variable-length mode (OM 00) the rest of the frame is data; in fixed-length mode (OM
 * 01/10/11) 1, 2 or 4 data bytes follow and the next byte starts a new header in the same frame.
 * The bus can be driven a frame at a time ({@link #transfer}, the Java board's {@link SpiDevice})
 * or a byte at a time ({@link #chipSelect} and {@link #exchange}, for a simulated SPI
 * peripheral's pins); both go through the same decoder.
 *
 * <p>Threads: the firmware thread calls {@link #transfer}, {@link #chipSelect}, {@link #exchange},
 * {@link #interruptLine()} and {@link #resetPin()}, which allocate nothing on the heap; host I/O
 * runs on the model's own daemon threads. All chip state is guarded by one monitor.
 */
public final class W5500Model implements SpiDevice, AutoCloseable {

    private static final AtomicInteger MODELS = new AtomicInteger();
    private static final long HOST_SETTLE_NANOS = 5_000_000_000L;

    private final ChipState chip = new ChipState();
    private final SpiCounters counters = new SpiCounters(chip);
    private final SpiDecoder decoder = new SpiDecoder(chip, counters);
    private final InterruptPin interruptLine = new InterruptPin(chip);
    private final ResetPin resetPin = new ResetPin(chip);
    private final HostBridge bridge;

    public W5500Model(HostNetwork network) {
        if (network == null) {
            throw new IllegalArgumentException("network is required: use HostNetwork.loopback(offset)");
        }
        bridge = new HostBridge(chip, network, "w5500-" + MODELS.incrementAndGet());
        bridge.start();
    }

    /**
     * One whole frame: SCSn low, {@code len} bytes clocked, SCSn high. {@code rx} may be null for
     * a write.
     *
     * @throws IllegalStateException when a byte-level frame ({@link #chipSelect}) is still open:
     *         two masters on one chip select
     */
    @Override
    public void transfer(byte[] tx, int txOff, byte[] rx, int rxOff, int len) {
        synchronized (chip) {
            if (decoder.selected()) {
                throw new IllegalStateException("SCSn is already low for a byte-level frame; end it with"
                        + " chipSelect(false) before a transfer");
            }
            decoder.select();
            for (int i = 0; i < len; i++) {
                int miso = decoder.exchange(tx[txOff + i] & 0xFF);
                if (rx != null) {
                    rx[rxOff + i] = (byte) miso;
                }
            }
            decoder.deselect();
        }
    }

    /**
     * SCSn, active low: {@code true} when it falls (a frame starts, its first byte is an address
     * byte), {@code false} when it rises (the frame ends, §2.2). Setting the level it already has
     * does nothing.
     */
    public void chipSelect(boolean selected) {
        synchronized (chip) {
            if (selected) {
                decoder.select();
            } else {
                decoder.deselect();
            }
        }
    }

    /**
     * One byte on the bus while SCSn is low: {@code mosi} (low 8 bits) in, the MISO byte out. With
     * SCSn high the chip ignores the clock and this returns 0.
     */
    public int exchange(int mosi) {
        synchronized (chip) {
            return decoder.exchange(mosi & 0xFF);
        }
    }

    /** INTn: asserted while (IR & IMR) != 0 or (SIR & SIMR) != 0. */
    public InterruptLine interruptLine() {
        return interruptLine;
    }

    /** RSTn: low holds the chip in reset, high releases it. */
    public DigitalOutput resetPin() {
        return resetPin;
    }

    // --- fault injection ---

    /**
     * Plugs or unplugs the cable (PHYCFGR.LNK; up at start). While down no data moves between the
     * chip and the host sockets, as while the PHY is in reset or powered down (PHYCFGR): a TCP
     * SEND, DISCON or keep-alive that cannot be acknowledged ends after TCP_TO, a CONNECT or UDP
     * SEND whose ARP goes unanswered after ARP_TO, both with Sn_IR.TIMEOUT (§4.1 RTR, RCR).
     */
    public void setLinkUp(boolean up) {
        synchronized (chip) {
            chip.linkUp = up;
            chip.changed();
        }
    }

    /** A spontaneous reset (brown-out): registers at reset values, sockets CLOSED, host connections aborted. */
    public void chipReset() {
        synchronized (chip) {
            chip.reset();
            chip.changed();
        }
    }

    /** The host peer of socket {@code socket}'s TCP connection sends RST: CLOSED with Sn_IR.DISCON. */
    public void resetPeer(int socket) {
        ModelSocket s = socketAt(socket);
        synchronized (chip) {
            int status = s.status();
            if (s.isTcp() && status != SocketRegisterMap.SOCK_CLOSED
                    && status != SocketRegisterMap.SOCK_INIT
                    && status != SocketRegisterMap.SOCK_LISTEN) {
                s.aborted();
                chip.changed();
            }
        }
    }

    /**
     * The host peer of socket {@code socket}'s TCP connection goes silent, as a peer that lost
     * power does: nothing it sends reaches the chip and nothing the chip sends is acknowledged,
     * so the next SEND or keep-alive ends in TCP_TO. Lasts until the socket's next connection.
     */
    public void silencePeer(int socket) {
        ModelSocket s = socketAt(socket);
        synchronized (chip) {
            s.peerSilent = true;
            chip.changed();
        }
    }

    /** The host peer stops (or resumes) taking data: sent data stays in the TX buffer, Sn_TX_FSR stays low. */
    public void holdTransmit(int socket, boolean hold) {
        ModelSocket s = socketAt(socket);
        synchronized (chip) {
            s.holdTransmit = hold;
            chip.changed();
        }
    }

    /**
     * Runs {@code listener} after every change that leaves INTn asserted: a level, not an edge,
     * so it runs again for each further change while INTn stays low. It runs on the thread that
     * made the change (the firmware thread when an SPI frame that wrote something ends, a host
     * thread when a connection, data or a timeout arrives, the caller of a fault-injection
     * method) with the chip's monitor held: it must be quick and must not call back into the
     * model. The simulated board uses it to wake the firmware's main loop. One listener; a new
     * one replaces the old, null removes it.
     */
    public void onInterrupt(Runnable listener) {
        synchronized (chip) {
            chip.interruptListener = listener;
        }
    }

    /** Sn_SR of socket {@code socket} as the firmware would read it, without SPI traffic (for tests and tools). */
    public int socketStatus(int socket) {
        ModelSocket s = socketAt(socket);
        synchronized (chip) {
            return s.status();
        }
    }

    public SpiCounters counters() {
        return counters;
    }

    /**
     * The host port socket {@code socket} is bridged to now (listening, connected or bound), or -1.
     * Right after a command the host side may still be opening; this waits (up to 5 s) for it, so a
     * test can LISTEN and then connect to this port.
     */
    public int hostPort(int socket) {
        ModelSocket s = socketAt(socket);
        synchronized (chip) {
            long deadline = System.nanoTime() + HOST_SETTLE_NANOS;
            try {
                while (s.settledGeneration != s.generation && !chip.closed && chip.waitUntil(deadline)) {
                    // the host thread settles the socket once its host socket is bound
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return s.settledGeneration == s.generation ? s.hostPort : -1;
        }
    }

    /** Stops every model thread and closes every host socket. */
    @Override
    public void close() {
        synchronized (chip) {
            if (chip.closed) {
                return;
            }
            chip.closed = true;
            chip.reset();
            chip.changed();
        }
        try {
            bridge.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ModelSocket socketAt(int socket) {
        if (socket < 0 || socket >= SpiFrameFormat.SOCKETS) {
            throw new IllegalArgumentException("socket " + socket + " is not 0.." + (SpiFrameFormat.SOCKETS - 1)
                    + ": the W5500 has " + SpiFrameFormat.SOCKETS + " sockets");
        }
        return chip.sockets[socket];
    }
}
