package org.skvmoip.sim.w5500;

/**
 * Everything the chip holds. This object's monitor guards all of it: the firmware thread takes it
 * for each SPI frame, the host threads for each change they report, and everyone waits on it
 * for events (INTn, free buffer space, pending data). One monitor means no lock ordering to get
 * wrong; nobody does blocking host I/O while holding it.
 */
final class ChipState {

    final CommonRegisterFile common = new CommonRegisterFile(this);
    final ModelSocket[] sockets = new ModelSocket[SpiFrameFormat.SOCKETS];
    final BufferMemory memory = new BufferMemory();
    /** Scratch for building a UDP RX header under the monitor. */
    final byte[] udpHeader = new byte[SocketRegisterMap.UDP_HEADER_BYTES];

    /** The cable: PHYCFGR.LNK; survives chip resets, like a real cable does. */
    boolean linkUp = true;
    /** RSTn is low. */
    boolean heldInReset;
    /** The model was closed: host threads finish. */
    boolean closed;
    /** Told whenever a change leaves INTn asserted (the board's event line); may be null. */
    Runnable interruptListener;

    ChipState() {
        for (int n = 0; n < sockets.length; n++) {
            sockets[n] = new ModelSocket(this, n);
        }
        reset();
    }

    /** Every register back to its reset value, every socket CLOSED, every host side aborted. */
    void reset() {
        common.reset();
        memory.clear();
        for (ModelSocket socket : sockets) {
            socket.reset();
        }
        for (int n = 0; n < sockets.length; n++) {
            assignBuffers(n);
        }
    }

    /**
     * Lays out socket {@code n}'s buffers after those of sockets 0..n-1, by their size registers
     * as they are now. Called at OPEN (and reset), which is when the model lets sizes take effect.
     */
    void assignBuffers(int n) {
        int txOffset = 0;
        int rxOffset = 0;
        for (int k = 0; k < n; k++) {
            txOffset += BufferMemory.bytesFor(sockets[k].sizeRegisterTx());
            rxOffset += BufferMemory.bytesFor(sockets[k].sizeRegisterRx());
        }
        memory.assign(n, txOffset, BufferMemory.bytesFor(sockets[n].sizeRegisterTx()),
                rxOffset, BufferMemory.bytesFor(sockets[n].sizeRegisterRx()));
    }

    /** SIR: bit n set while Sn_IR of socket n is not 0. */
    int sir() {
        int sir = 0;
        for (int n = 0; n < sockets.length; n++) {
            sir |= sockets[n].sir();
        }
        return sir;
    }

    /** INTn (active low): an IR bit with its IMR bit, or a socket whose SIMR bit is set with an Sn_IR bit under its Sn_IMR bit (§4.1 SIMR, §4.2 Sn_IMR). */
    boolean interruptAsserted() {
        if ((common.ir() & common.imr()) != 0) {
            return true;
        }
        int simr = common.simr();
        for (int n = 0; n < sockets.length; n++) {
            if ((simr & (1 << n)) != 0 && sockets[n].asserting()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Something changed: wake whoever waits on the monitor, and tell the interrupt listener when
     * INTn is asserted (as the pin's EXTI interrupt would). Called with the monitor held.
     */
    void changed() {
        notifyAll();
        if (interruptListener != null && interruptAsserted()) {
            interruptListener.run();
        }
    }

    /** Frames move between the chip and the LAN: the cable is in and the PHY is neither in reset nor powered down. */
    boolean wireUp() {
        return linkUp && common.phyRunning();
    }

    long arpTimeoutNanos() {
        return common.arpTimeoutNanos();
    }

    long tcpTimeoutNanos() {
        return common.tcpTimeoutNanos();
    }

    /** Waits on the monitor until {@code deadlineNanos}; false once it has passed. */
    boolean waitUntil(long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        wait(Math.max(1, (remaining + 999_999) / 1_000_000));
        return true;
    }
}
