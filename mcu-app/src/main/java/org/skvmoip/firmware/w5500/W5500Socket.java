package org.skvmoip.firmware.w5500;

import static org.skvmoip.firmware.w5500.SocketRegisters.*;

/**
 * One of the W5500's eight hardware sockets (datasheet §4.2 and the socket flow charts of
 * §5.2). Non-blocking: every call returns at once with a byte count (possibly 0: try again when
 * the interrupt line says something changed) or a negative {@link SocketError} code.
 *
 * <p>The TX and RX buffers are addressed by the raw 16-bit pointers: the chip maps a pointer
 * into the socket's buffer modulo its size, so wrap-around needs no code here.
 */
public final class W5500Socket {

    /** Polls of Sn_CR before a command counts as not accepted (about 2 ms of SPI at 21 MHz). */
    private static final int COMMAND_POLLS = 1000;

    private final W5500 chip;
    private final W5500Bus bus;
    private final int number;
    private final int regs;
    private final int txBlock;
    private final int rxBlock;

    /** A SEND was issued and its SEND_OK not yet seen: the chip wants one SEND at a time. */
    private boolean sending;

    private final byte[] udpHeader = new byte[UDP_HEADER_BYTES];
    private final byte[] lastPeerIp = new byte[4];
    private int lastPeerPort;

    W5500Socket(W5500 chip, W5500Bus bus, int number) {
        this.chip = chip;
        this.bus = bus;
        this.number = number;
        this.regs = SpiFrame.socketRegisterBlock(number);
        this.txBlock = SpiFrame.socketTxBlock(number);
        this.rxBlock = SpiFrame.socketRxBlock(number);
    }

    public int number() {
        return number;
    }

    /** Sn_SR: one of {@code SocketRegisters.SOCK_*}. */
    public int status() {
        return bus.readByte(regs, Sn_SR);
    }

    /**
     * The peer's IPv4 address (Sn_DIPR): on a connection the socket accepted, the chip sets it
     * from the client's SYN (§4.2 Sn_DIPR).
     */
    public void peerAddress(byte[] dst, int off) {
        bus.read(regs, Sn_DIPR, dst, off, 4);
    }

    /** Buffer sizes in KB (0, 1, 2, 4, 8, 16); they take effect at the next open. */
    public void setBufferSizes(int txKb, int rxKb) {
        bus.writeByte(regs, Sn_TXBUF_SIZE, txKb);
        bus.writeByte(regs, Sn_RXBUF_SIZE, rxKb);
    }

    /** TCP keep-alive every {@code fiveSecondUnits} x 5 s while established; 0 turns it off. */
    public void setKeepAlive(int fiveSecondUnits) {
        bus.writeByte(regs, Sn_KPALVTR, fiveSecondUnits);
    }

    /** Closes whatever the socket was doing and opens it for TCP on {@code port} (SOCK_INIT). */
    public int openTcp(int port) {
        return open(Sn_MR_TCP | Sn_MR_ND, port, SOCK_INIT);
    }

    /** Closes whatever the socket was doing and opens it for UDP on {@code port} (SOCK_UDP). */
    public int openUdp(int port) {
        return open(Sn_MR_UDP, port, SOCK_UDP);
    }

    private int open(int mode, int port, int expectedState) {
        if (port <= 0 || port > 0xFFFF) {
            return SocketError.BAD_ARGUMENT;
        }
        if (chip.configurationLost()) {
            // A chip reset closed the socket: a socket opened now, before the firmware has
            // re-initialised the chip, would have no address and be cut off by that re-init.
            return SocketError.CHIP_NOT_CONFIGURED;
        }
        close();
        bus.writeByte(regs, Sn_MR, mode);
        bus.write16(regs, Sn_PORT, port);
        int result = command(Sn_CR_OPEN);
        if (result < 0) {
            return result;
        }
        return status() == expectedState ? 0 : SocketError.UNEXPECTED_STATE;
    }

    /** From SOCK_INIT: wait for one incoming connection (SOCK_LISTEN, then SOCK_ESTABLISHED). */
    public int listen() {
        if (status() != SOCK_INIT) {
            return SocketError.UNEXPECTED_STATE;
        }
        int result = command(Sn_CR_LISTEN);
        if (result < 0) {
            return result;
        }
        return status() == SOCK_LISTEN ? 0 : SocketError.UNEXPECTED_STATE;
    }

    /** From SOCK_INIT: start connecting; the socket reaches SOCK_ESTABLISHED or SOCK_CLOSED. */
    public int connect(byte[] ip, int ipOff, int port) {
        if (port <= 0 || port > 0xFFFF) {
            return SocketError.BAD_ARGUMENT;
        }
        if (status() != SOCK_INIT) {
            return SocketError.UNEXPECTED_STATE;
        }
        bus.write(regs, Sn_DIPR, ip, ipOff, 4);
        bus.write16(regs, Sn_DPORT, port);
        return command(Sn_CR_CONNECT);
    }

    /** Graceful TCP close (FIN); the socket reaches SOCK_CLOSED when the peer has answered. */
    public int disconnect() {
        return command(Sn_CR_DISCON);
    }

    /** Immediate close, no FIN; every pending interrupt of the socket is dropped. */
    public int close() {
        int result = command(Sn_CR_CLOSE);
        bus.writeByte(regs, Sn_IR, 0xFF);
        sending = false;
        return result;
    }

    /**
     * Reads and clears the socket's interrupt bits ({@code Sn_IR_*}), so that INTn can go
     * high again. Call this when SIR names the socket; a SEND_OK seen here unblocks send().
     */
    public int takeInterrupts() {
        int ir = bus.readByte(regs, Sn_IR);
        if (ir != 0) {
            bus.writeByte(regs, Sn_IR, ir);
            if ((ir & (Sn_IR_SEND_OK | Sn_IR_TIMEOUT)) != 0) {
                sending = false;
            }
        }
        return ir;
    }

    /** Bytes received and not yet read (Sn_RX_RSR). */
    public int available() {
        return bus.read16Stable(regs, Sn_RX_RSR);
    }

    /**
     * Queues up to {@code len} bytes on a connected TCP socket.
     *
     * @return bytes queued (0 while the previous send is still in flight or the TX buffer is
     *         full), or a negative {@link SocketError}
     */
    public int send(byte[] src, int off, int len) {
        if (off < 0 || len < 0 || off + len > src.length) {
            return SocketError.BAD_ARGUMENT;
        }
        int state = status();
        if (state != SOCK_ESTABLISHED && state != SOCK_CLOSE_WAIT) {
            return SocketError.NOT_CONNECTED;
        }
        int inFlight = previousSendInFlight();
        if (inFlight != 0) {
            return inFlight > 0 ? 0 : inFlight;
        }
        int free = bus.read16Stable(regs, Sn_TX_FSR);
        int n = len < free ? len : free;
        if (n == 0) {
            return 0;
        }
        return queue(src, off, n);
    }

    /**
     * Receives up to {@code len} bytes from a connected TCP socket.
     *
     * @return bytes read (0 when nothing is waiting), or {@link SocketError#NOT_CONNECTED}
     *         once the connection is gone and everything it delivered has been read
     */
    public int recv(byte[] dst, int off, int len) {
        if (off < 0 || len < 0 || off + len > dst.length) {
            return SocketError.BAD_ARGUMENT;
        }
        int waiting = available();
        if (waiting == 0) {
            int state = status();
            return state == SOCK_ESTABLISHED ? 0 : SocketError.NOT_CONNECTED;
        }
        int n = len < waiting ? len : waiting;
        int rd = bus.read16(regs, Sn_RX_RD);
        bus.read(rxBlock, rd, dst, off, n);
        bus.write16(regs, Sn_RX_RD, (rd + n) & 0xFFFF);
        int result = command(Sn_CR_RECV);
        return result < 0 ? result : n;
    }

    /**
     * Sends one UDP datagram. The datagram is never split: when the TX buffer cannot take it
     * whole yet, nothing is sent and 0 is returned.
     */
    public int sendTo(byte[] ip, int ipOff, int port, byte[] src, int off, int len) {
        if (off < 0 || len <= 0 || off + len > src.length || port <= 0 || port > 0xFFFF) {
            return SocketError.BAD_ARGUMENT;
        }
        if (status() != SOCK_UDP) {
            return SocketError.NOT_CONNECTED;
        }
        int inFlight = previousSendInFlight();
        if (inFlight > 0) {
            return 0;
        }
        if (bus.read16Stable(regs, Sn_TX_FSR) < len) {
            return 0;
        }
        bus.write(regs, Sn_DIPR, ip, ipOff, 4);
        bus.write16(regs, Sn_DPORT, port);
        return queue(src, off, len);
    }

    /**
     * Receives one UDP datagram: the chip stores each one behind an 8-byte header (peer IP,
     * peer port, length). A datagram longer than {@code len} is truncated and its rest dropped.
     *
     * @return the datagram's bytes copied, 0 when none is waiting; the sender is then in
     *         {@link #lastPeerIp(byte[], int)} and {@link #lastPeerPort()}
     */
    public int recvFrom(byte[] dst, int off, int len) {
        if (off < 0 || len < 0 || off + len > dst.length) {
            return SocketError.BAD_ARGUMENT;
        }
        int waiting = available();
        if (waiting < UDP_HEADER_BYTES) {
            return 0;
        }
        int rd = bus.read16(regs, Sn_RX_RD);
        bus.read(rxBlock, rd, udpHeader, 0, UDP_HEADER_BYTES);
        System.arraycopy(udpHeader, 0, lastPeerIp, 0, 4);
        lastPeerPort = ((udpHeader[4] & 0xFF) << 8) | (udpHeader[5] & 0xFF);
        int size = ((udpHeader[6] & 0xFF) << 8) | (udpHeader[7] & 0xFF);
        if (size > waiting - UDP_HEADER_BYTES) {
            // A header that does not match the buffer: drop everything rather than misparse.
            bus.write16(regs, Sn_RX_RD, (rd + waiting) & 0xFFFF);
            command(Sn_CR_RECV);
            return SocketError.UNEXPECTED_STATE;
        }
        int n = len < size ? len : size;
        bus.read(rxBlock, (rd + UDP_HEADER_BYTES) & 0xFFFF, dst, off, n);
        bus.write16(regs, Sn_RX_RD, (rd + UDP_HEADER_BYTES + size) & 0xFFFF);
        int result = command(Sn_CR_RECV);
        return result < 0 ? result : n;
    }

    public void lastPeerIp(byte[] dst, int off) {
        System.arraycopy(lastPeerIp, 0, dst, off, 4);
    }

    public int lastPeerPort() {
        return lastPeerPort;
    }

    /** 0 when no send is in flight; 1 while one is; a negative code when it failed. */
    private int previousSendInFlight() {
        if (!sending) {
            return 0;
        }
        int ir = bus.readByte(regs, Sn_IR);
        if ((ir & Sn_IR_SEND_OK) != 0) {
            bus.writeByte(regs, Sn_IR, Sn_IR_SEND_OK);
            sending = false;
            return 0;
        }
        if ((ir & Sn_IR_TIMEOUT) != 0) {
            bus.writeByte(regs, Sn_IR, Sn_IR_TIMEOUT);
            sending = false;
            return SocketError.TIMEOUT;
        }
        return 1;
    }

    private int queue(byte[] src, int off, int n) {
        int wr = bus.read16(regs, Sn_TX_WR);
        bus.write(txBlock, wr, src, off, n);
        bus.write16(regs, Sn_TX_WR, (wr + n) & 0xFFFF);
        int result = command(Sn_CR_SEND);
        if (result < 0) {
            return result;
        }
        sending = true;
        return n;
    }

    /** Writes Sn_CR and waits, bounded, for the chip to clear it (its sign of acceptance). */
    private int command(int command) {
        bus.writeByte(regs, Sn_CR, command);
        for (int i = 0; i < COMMAND_POLLS; i++) {
            if (bus.readByte(regs, Sn_CR) == 0) {
                return 0;
            }
        }
        return SocketError.CHIP_NOT_RESPONDING;
    }
}
