package org.skvmoip.sim.w5500;

import java.util.concurrent.atomic.AtomicInteger;
import org.skvmoip.firmware.w5500.SpiFrame;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;

/**
 * A register-accurate W5500 (datasheet v1.1) behind the firmware's SPI interface, its sockets
 * bridged to real host sockets through {@link HostNetwork}.
 *
 * <p>SPI frames are decoded byte by byte as the chip does (§2.2): two address bytes, a control
 * byte, then data; the address increments per data byte and wraps at 16 bits. In variable-length
 * mode (OM 00) the rest of the frame is data; in fixed-length mode (OM 01/10/11) 1, 2 or 4 data
 * bytes follow and the next byte starts a new header in the same frame. During the three header
 * bytes MISO carries 0x01, 0x02, 0x03, which is what real W5500s are seen to send (the datasheet
 * calls the bytes don't-care); during write data it carries 0x00.
 *
 * <p>Threads: the firmware thread calls {@link #transfer}, {@link #interruptLine()} and
 * {@link #resetPin()}, which allocate nothing on the heap; host I/O runs on the model's own
 * daemon threads. All chip state is guarded by one monitor.
 */
public final class W5500Model implements SpiDevice, AutoCloseable {

    private static final AtomicInteger MODELS = new AtomicInteger();
    private static final long HOST_SETTLE_NANOS = 5_000_000_000L;

    private final ChipState chip = new ChipState();
    private final SpiCounters counters = new SpiCounters(chip);
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

    @Override
    public void transfer(byte[] tx, int txOff, byte[] rx, int rxOff, int len) {
        synchronized (chip) {
            counters.frame(len);
            if (chip.heldInReset) {
                if (rx != null) {
                    java.util.Arrays.fill(rx, rxOff, rxOff + len, (byte) 0);
                }
                return;
            }
            int header = 0;
            int address = 0;
            int block = 0;
            int kind = 0;
            int socket = -1;
            boolean write = false;
            int dataLeft = -1;
            boolean changed = false;
            for (int i = 0; i < len; i++) {
                int in = tx[txOff + i] & 0xFF;
                int out = 0;
                if (header < SpiFrame.HEADER_BYTES) {
                    out = header + 1;
                    if (header == 0) {
                        address = in << 8;
                    } else if (header == 1) {
                        address |= in;
                    } else {
                        block = in >>> SpiFrame.BSB_SHIFT;
                        write = (in & SpiFrame.RWB_WRITE) != 0;
                        dataLeft = fixedLength(in & 0x03);
                        kind = SpiCounters.kindOf(block);
                        socket = kind == SpiCounters.COMMON || kind == SpiCounters.RESERVED ? -1 : block >>> 2;
                        counters.header(kind, socket);
                    }
                    header++;
                } else {
                    if (write) {
                        writeByte(kind, socket, address, in);
                        changed = true;
                    } else {
                        out = readByte(kind, socket, address);
                    }
                    counters.data(kind, socket);
                    address = (address + 1) & 0xFFFF;
                    if (dataLeft > 0 && --dataLeft == 0) {
                        header = 0; // fixed-length access done: the next byte is a new address
                    }
                }
                if (rx != null) {
                    rx[rxOff + i] = (byte) out;
                }
            }
            if (changed) {
                chip.changed();
            }
        }
    }

    /** OM 00 is variable length (-1: until SCSn rises), 01/10/11 are 1, 2 and 4 bytes. */
    private static int fixedLength(int om) {
        return om == SpiFrame.OM_VDM ? -1 : om == SpiFrame.OM_FDM4 ? 4 : om;
    }

    private int readByte(int kind, int socket, int address) {
        switch (kind) {
            case SpiCounters.COMMON:
                return chip.common.read(address);
            case SpiCounters.SOCKET_REGISTERS:
                return chip.sockets[socket].read(address);
            case SpiCounters.TX_BUFFER:
                return chip.memory.readTx(socket, address);
            case SpiCounters.RX_BUFFER:
                return chip.memory.readRx(socket, address);
            default:
                return 0; // reserved blocks 4, 8, ... 28
        }
    }

    private void writeByte(int kind, int socket, int address, int value) {
        switch (kind) {
            case SpiCounters.COMMON:
                chip.common.write(address, value);
                break;
            case SpiCounters.SOCKET_REGISTERS:
                chip.sockets[socket].write(address, value);
                break;
            case SpiCounters.TX_BUFFER:
                chip.memory.writeTx(socket, address, value);
                break;
            case SpiCounters.RX_BUFFER:
                chip.memory.writeRx(socket, address, value);
                break;
            default:
                break;
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
     * chip and the host sockets; a TCP SEND (or CONNECT) that cannot leave ends after RTR x (RCR+1)
     * with Sn_IR.TIMEOUT and the socket CLOSED.
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
            if (s.isTcp() && status != org.skvmoip.firmware.w5500.SocketRegisters.SOCK_CLOSED
                    && status != org.skvmoip.firmware.w5500.SocketRegisters.SOCK_INIT
                    && status != org.skvmoip.firmware.w5500.SocketRegisters.SOCK_LISTEN) {
                s.aborted();
                chip.changed();
            }
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
     * Runs {@code listener} (on whichever thread made the change, with the chip's monitor held:
     * it must be quick and must not call back into the model) on each falling edge of INTn, as
     * the board's EXTI line sees it: once when INTn goes low, not again until it has gone high.
     * The simulated board uses it to wake the firmware's main loop.
     */
    public void onInterrupt(Runnable listener) {
        synchronized (chip) {
            interruptLine.onFallingEdge(listener);
            chip.interruptListener = interruptLine::levelMayHaveChanged;
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
        if (socket < 0 || socket >= SpiFrame.SOCKETS) {
            throw new IllegalArgumentException("socket " + socket + " is not 0.." + (SpiFrame.SOCKETS - 1)
                    + ": the W5500 has " + SpiFrame.SOCKETS + " sockets");
        }
        return chip.sockets[socket];
    }
}
