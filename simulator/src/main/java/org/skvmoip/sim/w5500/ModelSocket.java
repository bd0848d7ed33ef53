package org.skvmoip.sim.w5500;

import static org.skvmoip.sim.w5500.SocketRegisterMap.*;

/**
 * One W5500 socket (datasheet v1.1, §4.2): its register block, its state machine (Sn_SR) and the
 * commands written to Sn_CR. The firmware thread drives it through SPI; the host threads of its
 * {@link HostLink} report what the host network did (connected, data arrived, peer closed).
 *
 * <p>The chip only learns the host's pointers at a command: Sn_TX_WR at SEND and Sn_RX_RD at
 * RECV. So Sn_TX_FSR and Sn_RX_RSR are computed from the latched values, not from the registers
 * the host may be half-way through writing. Guarded by the chip monitor.
 */
final class ModelSocket {

    /** Sn_MR (0x0000) up to Sn_KPALVTR (0x002F); addresses past it read 0 and ignore writes. */
    static final int BLOCK_BYTES = Sn_KPALVTR + 1;

    /** What the host side of this socket should be; {@link HostBridge} makes it so. */
    static final int HOST_NONE = 0;
    static final int HOST_LISTEN = 1;
    static final int HOST_CONNECT = 2;
    static final int HOST_UDP = 3;

    /** The MSS a peer on the simulated Ethernet announces: MTU 1500 less 20 bytes of IP and 20 of TCP header. */
    static final int PEER_MSS = 1460;
    /** The largest UDP payload in one unfragmented frame: MTU 1500 less 20 bytes of IP and 8 of UDP header. */
    static final int UDP_MAX_PAYLOAD = 1472;

    private static final byte[] RESET = new byte[BLOCK_BYTES];
    /** Plain read/write storage; the other bytes are read-only, reserved or handled below. */
    private static final boolean[] PLAIN = new boolean[BLOCK_BYTES];

    static {
        for (int i = 0; i < 6; i++) {
            RESET[Sn_DHAR + i] = (byte) 0xFF;
        }
        RESET[Sn_TTL] = (byte) 0x80;
        RESET[Sn_RXBUF_SIZE] = 2;
        RESET[Sn_TXBUF_SIZE] = 2;
        RESET[Sn_IMR] = (byte) 0xFF;
        RESET[Sn_FRAG] = 0x40;
        int[] plain = {Sn_MR, Sn_PORT, Sn_PORT + 1, Sn_DHAR, Sn_DHAR + 1, Sn_DHAR + 2, Sn_DHAR + 3,
            Sn_DHAR + 4, Sn_DHAR + 5, Sn_DIPR, Sn_DIPR + 1, Sn_DIPR + 2, Sn_DIPR + 3, Sn_DPORT,
            Sn_DPORT + 1, Sn_MSSR, Sn_MSSR + 1, Sn_TOS, Sn_TTL, Sn_RXBUF_SIZE, Sn_TXBUF_SIZE,
            Sn_TX_WR, Sn_TX_WR + 1, Sn_RX_RD, Sn_RX_RD + 1, Sn_IMR, Sn_FRAG, Sn_FRAG + 1, Sn_KPALVTR};
        for (int offset : plain) {
            PLAIN[offset] = true;
        }
    }

    final int index;
    private final ChipState chip;
    private final byte[] regs = new byte[BLOCK_BYTES];

    private int status;
    private int interrupts;
    private int txRd;
    private int txWrAtSend;
    private int rxWr;
    private int rxRdAtRecv;
    /** When the pending SEND was issued: a SEND that cannot leave times out from here. */
    long sendStartNanos;
    /** Sn_DIPR and Sn_DPORT at the pending UDP SEND: where that datagram goes. */
    final byte[] sendDestIp = new byte[4];
    int sendDestPort;
    /** DISCON was issued: the writer sends what is pending, then FIN. */
    boolean disconRequested;
    /** When DISCON was issued: our FIN times out from here. */
    long disconNanos;
    /** The peer's FIN arrived (host EOF). */
    boolean peerFin;

    // Hand-off to the HostBridge: each command that changes the host side bumps the generation;
    // host threads act only while the generation they were started for is still current.
    int generation;
    int settledGeneration;
    int hostAction;
    int hostLocalPort;
    int hostRemotePort;
    int hostPort = -1;
    /** Fault injection: the host peer takes no data (its receive window is shut). */
    boolean holdTransmit;
    /** Fault injection: the host peer answers nothing (powered off without a word). */
    boolean peerSilent;

    final KeepAlive keepAlive = new KeepAlive();

    ModelSocket(ChipState chip, int index) {
        this.chip = chip;
        this.index = index;
    }

    void reset() {
        System.arraycopy(RESET, 0, regs, 0, BLOCK_BYTES);
        status = SOCK_CLOSED;
        interrupts = 0;
        resetPointers();
        request(HOST_NONE);
    }

    private void resetPointers() {
        txRd = 0;
        txWrAtSend = 0;
        rxWr = 0;
        rxRdAtRecv = 0;
        regs[Sn_TX_WR] = 0;
        regs[Sn_TX_WR + 1] = 0;
        regs[Sn_RX_RD] = 0;
        regs[Sn_RX_RD + 1] = 0;
        disconRequested = false;
        peerFin = false;
        keepAlive.reset();
    }

    // --- SPI side (firmware thread) ---

    int read(int offset) {
        switch (offset) {
            case Sn_CR:
                return 0; // commands are taken at once, so Sn_CR always reads back as accepted
            case Sn_IR:
                return interrupts;
            case Sn_SR:
                return status;
            case Sn_TX_FSR:
            case Sn_TX_FSR + 1:
                return byteOf(txFree(), offset - Sn_TX_FSR);
            case Sn_TX_RD:
            case Sn_TX_RD + 1:
                return byteOf(txRd, offset - Sn_TX_RD);
            case Sn_RX_RSR:
            case Sn_RX_RSR + 1:
                return byteOf(rxReceived(), offset - Sn_RX_RSR);
            case Sn_RX_WR:
            case Sn_RX_WR + 1:
                return byteOf(rxWr, offset - Sn_RX_WR);
            default:
                return offset < BLOCK_BYTES ? regs[offset] & 0xFF : 0;
        }
    }

    void write(int offset, int value) {
        if (offset == Sn_CR) {
            command(value);
        } else if (offset == Sn_IR) {
            interrupts &= ~value;
        } else if (offset < BLOCK_BYTES && PLAIN[offset]) {
            regs[offset] = (byte) value;
        }
    }

    private static int byteOf(int value16, int which) {
        return which == 0 ? (value16 >>> 8) & 0xFF : value16 & 0xFF;
    }

    private int u16(int offset) {
        return ((regs[offset] & 0xFF) << 8) | (regs[offset + 1] & 0xFF);
    }

    /** SIR bit n follows Sn_IR alone (§4.1 SIR). */
    int sir() {
        return interrupts != 0 ? 1 << index : 0;
    }

    /** Whether this socket drives INTn, SIMR aside: an Sn_IR bit under a set Sn_IMR bit (§4.2 Sn_IMR). */
    boolean asserting() {
        return (interrupts & regs[Sn_IMR]) != 0;
    }

    /**
     * An interrupt event: its Sn_IR bit becomes 1 only if its Sn_IMR bit is 1. §4.2 says so for
     * both registers ("when an interrupt occurs and the corresponding bit of Sn_IMR is 1, the
     * corresponding bit of Sn_IR becomes 1"), so a masked event leaves no trace to poll for.
     */
    private void raise(int bits) {
        interrupts |= bits & regs[Sn_IMR] & 0xFF;
    }

    int sizeRegisterTx() {
        return regs[Sn_TXBUF_SIZE] & 0xFF;
    }

    int sizeRegisterRx() {
        return regs[Sn_RXBUF_SIZE] & 0xFF;
    }

    /** Unknown command values are ignored, as the chip does; Sn_CR reads 0 either way. */
    private void command(int command) {
        switch (command) {
            case Sn_CR_OPEN:
                open();
                break;
            case Sn_CR_LISTEN:
                if (status == SOCK_INIT) {
                    status = SOCK_LISTEN;
                    request(HOST_LISTEN);
                }
                break;
            case Sn_CR_CONNECT:
                if (status == SOCK_INIT) {
                    status = SOCK_SYNSENT;
                    request(HOST_CONNECT);
                }
                break;
            case Sn_CR_DISCON:
                discon();
                break;
            case Sn_CR_CLOSE:
                // §4.2 Sn_CR: no disconnect process, whatever the state; nothing pending is sent
                status = SOCK_CLOSED;
                request(HOST_NONE);
                break;
            case Sn_CR_SEND:
            case Sn_CR_SEND_MAC:
                send(command);
                break;
            case Sn_CR_SEND_KEEP:
                sendKeepAlive();
                break;
            case Sn_CR_RECV:
                recv();
                break;
            default:
                break;
        }
    }

    private void open() {
        resetPointers();
        chip.assignBuffers(index);
        switch (regs[Sn_MR] & Sn_MR_PROTOCOL_MASK) {
            case Sn_MR_TCP:
                status = SOCK_INIT;
                request(HOST_NONE);
                break;
            case Sn_MR_UDP:
                status = SOCK_UDP;
                request(HOST_UDP);
                break;
            case Sn_MR_MACRAW:
                // §4.2 Sn_SR: socket 0 only. Frames are not bridged to the host: what is sent
                // leaves onto a wire with nobody on it, and nothing arrives.
                status = index == 0 ? SOCK_MACRAW : SOCK_CLOSED;
                request(HOST_NONE);
                break;
            default:
                status = SOCK_CLOSED;
                request(HOST_NONE);
                break;
        }
    }

    private void discon() {
        if (status == SOCK_ESTABLISHED || status == SOCK_CLOSE_WAIT) {
            status = peerFin ? SOCK_LAST_ACK : SOCK_FIN_WAIT;
            disconRequested = true;
            disconNanos = System.nanoTime();
        } else if (status == SOCK_LISTEN || status == SOCK_SYNSENT || status == SOCK_INIT) {
            status = SOCK_CLOSED; // nothing connected to say goodbye to
            request(HOST_NONE);
        }
    }

    private void send(int command) {
        boolean tcp = status == SOCK_ESTABLISHED || status == SOCK_CLOSE_WAIT;
        if (!tcp && status != SOCK_UDP && status != SOCK_MACRAW) {
            return;
        }
        txWrAtSend = u16(Sn_TX_WR);
        sendStartNanos = System.nanoTime();
        System.arraycopy(regs, Sn_DIPR, sendDestIp, 0, 4);
        sendDestPort = u16(Sn_DPORT);
        if (status == SOCK_UDP && command == Sn_CR_SEND) {
            learnDestinationMac();
        }
        if (status == SOCK_MACRAW) {
            txRd = txWrAtSend;
        }
        if (txWrAtSend == txRd) {
            raise(Sn_IR_SEND_OK);
        }
    }

    /** SEND_KEEP (§4.2 Sn_CR): TCP only, on a connection. */
    private void sendKeepAlive() {
        if ((status == SOCK_ESTABLISHED || status == SOCK_CLOSE_WAIT) && isTcp()) {
            keepAlive.request(keepAlivePeriodNanos());
        }
    }

    private void recv() {
        if (status == SOCK_CLOSED || status == SOCK_INIT || status == SOCK_LISTEN || status == SOCK_SYNSENT
                || status == SOCK_MACRAW) {
            return;
        }
        rxRdAtRecv = u16(Sn_RX_RD);
        if (rxReceived() != 0) {
            raise(Sn_IR_RECV);
        }
    }

    /** Starts a new host side (or none) for this socket; the old one is aborted. */
    private void request(int action) {
        generation++;
        hostAction = action;
        hostLocalPort = u16(Sn_PORT);
        hostRemotePort = u16(Sn_DPORT);
        hostPort = -1;
        peerSilent = false;
        if (action == HOST_NONE) {
            settledGeneration = generation;
        }
    }

    // --- host side (host threads, under the chip monitor) ---

    boolean isCurrent(int hostGeneration) {
        return generation == hostGeneration;
    }

    int status() {
        return status;
    }

    boolean isTcp() {
        return (regs[Sn_MR] & Sn_MR_PROTOCOL_MASK) == Sn_MR_TCP;
    }

    /** The host side is bound (or could not be, port -1): {@code hostPort()} may answer. */
    void settled(int port) {
        hostPort = port;
        settledGeneration = generation;
    }

    /**
     * The connection is made. A passive open learns the peer's address and port from its SYN
     * (§4.2 Sn_DIPR, Sn_DPORT); either way the chip now knows the peer's MAC (Sn_DHAR) and the
     * MSS it announced (Sn_MSSR).
     */
    void established(byte[] peerIp, int peerPort) {
        status = SOCK_ESTABLISHED;
        raise(Sn_IR_CON);
        if (peerIp != null) {
            System.arraycopy(peerIp, 0, regs, Sn_DIPR, 4);
            regs[Sn_DPORT] = (byte) (peerPort >>> 8);
            regs[Sn_DPORT + 1] = (byte) peerPort;
        }
        learnDestinationMac();
        int mss = u16(Sn_MSSR);
        int agreed = mss == 0 || mss > PEER_MSS ? PEER_MSS : mss;
        regs[Sn_MSSR] = (byte) (agreed >>> 8);
        regs[Sn_MSSR + 1] = (byte) agreed;
    }

    /**
     * What ARP (or the peer's SYN) tells the chip: on the simulated LAN every host's MAC is 02:00
     * followed by its IPv4 address, a locally administered unicast address. A host socket cannot
     * tell the model its peer's MAC, and this one is stable and says which peer it is. Routers
     * are not modelled: an address off the subnet gets the same rule.
     */
    private void learnDestinationMac() {
        if (chip.common.isBroadcastOrMulticast(regs, Sn_DIPR)) {
            return;
        }
        regs[Sn_DHAR] = 0x02;
        regs[Sn_DHAR + 1] = 0x00;
        System.arraycopy(regs, Sn_DIPR, regs, Sn_DHAR + 2, 4);
    }

    /** A RST answered the SYN (§4.2 Sn_CR CONNECT, case 3): CLOSED, and no TIMEOUT since nothing timed out. */
    void refused() {
        status = SOCK_CLOSED;
        request(HOST_NONE);
    }

    /** An unanswered ARP or connect, an unacknowledged send, FIN or keep-alive: CLOSED with TIMEOUT. */
    void timedOut() {
        status = SOCK_CLOSED;
        raise(Sn_IR_TIMEOUT);
        request(HOST_NONE);
    }

    /** Peer RST or a broken host connection. */
    void aborted() {
        status = SOCK_CLOSED;
        raise(Sn_IR_DISCON);
        request(HOST_NONE);
    }

    /** Our FIN and the peer's FIN are both through. */
    void closedGracefully() {
        status = SOCK_CLOSED;
        raise(Sn_IR_DISCON);
        request(HOST_NONE);
    }

    /** The peer's FIN (host EOF): half-closed until the firmware issues DISCON. */
    void peerClosed() {
        peerFin = true;
        if (!disconRequested) {
            status = SOCK_CLOSE_WAIT;
            raise(Sn_IR_DISCON);
        }
    }

    int txPending() {
        int pending = (txWrAtSend - txRd) & 0xFFFF;
        return Math.min(pending, chip.memory.txSize(index));
    }

    private int txFree() {
        return Math.max(0, chip.memory.txSize(index) - ((txWrAtSend - txRd) & 0xFFFF));
    }

    void copyTx(byte[] destination, int length) {
        for (int i = 0; i < length; i++) {
            destination[i] = (byte) chip.memory.readTx(index, txRd + i);
        }
    }

    /** {@code length} bytes have left; SEND_OK once everything up to the SEND's Sn_TX_WR has. */
    void txSent(int length) {
        txRd = (txRd + length) & 0xFFFF;
        keepAlive.dataMoved(System.nanoTime());
        if (txRd == txWrAtSend) {
            raise(Sn_IR_SEND_OK);
        }
    }

    /** A UDP datagram that could not leave (ARP timeout): dropped, TIMEOUT, socket stays open. */
    void txDropped() {
        txRd = txWrAtSend;
        raise(Sn_IR_TIMEOUT);
    }

    private int rxReceived() {
        return (rxWr - rxRdAtRecv) & 0xFFFF;
    }

    int rxFree() {
        return Math.max(0, chip.memory.rxSize(index) - rxReceived());
    }

    void appendRx(byte[] source, int offset, int length) {
        keepAlive.dataMoved(System.nanoTime());
        for (int i = 0; i < length; i++) {
            chip.memory.writeRx(index, rxWr, source[offset + i]);
            rxWr = (rxWr + 1) & 0xFFFF;
        }
        raise(Sn_IR_RECV);
    }

    /** Stores a datagram whole, behind its 8-byte header, or drops it when it does not fit. */
    boolean appendDatagram(byte[] peerIp, int peerPort, byte[] data, int length) {
        if (UDP_HEADER_BYTES + length > rxFree()) {
            return false;
        }
        byte[] header = chip.udpHeader;
        System.arraycopy(peerIp, 0, header, 0, 4);
        header[4] = (byte) (peerPort >>> 8);
        header[5] = (byte) peerPort;
        header[6] = (byte) (length >>> 8);
        header[7] = (byte) length;
        appendRx(header, 0, UDP_HEADER_BYTES);
        appendRx(data, 0, length);
        return true;
    }

    /** UDP data per datagram (§1: the chip never fragments): Sn_MSSR when it is set and fits one frame. */
    int udpSegmentBytes() {
        int mss = u16(Sn_MSSR);
        return mss == 0 || mss > UDP_MAX_PAYLOAD ? UDP_MAX_PAYLOAD : mss;
    }

    /** The peer can hear us and we it: cable in, PHY running, peer not silenced. */
    boolean peerReachable() {
        return chip.wireUp() && !peerSilent;
    }

    long keepAlivePeriodNanos() {
        return KeepAlive.periodNanos(regs[Sn_KPALVTR]);
    }
}
