package org.skvmoip.sim.w5500;

/**
 * A socket register block (BSB 4n+1), W5500 datasheet v1.1, §3.2 table 4 and §4.2: offsets in
 * the table's order, each value or bit under its register. Multi-byte registers are big-endian;
 * a constant is the offset of the first byte.
 */
final class SocketRegisterMap {

    private SocketRegisterMap() {
    }

    /** Mode. */
    static final int Sn_MR = 0x0000;
    static final int Sn_MR_PROTOCOL_MASK = 0x0F;
    static final int Sn_MR_CLOSE = 0x00;
    static final int Sn_MR_TCP = 0x01;
    static final int Sn_MR_UDP = 0x02;
    /** Valid in socket 0 only. */
    static final int Sn_MR_MACRAW = 0x04;

    /** Command; reads 0 once the chip has taken it. */
    static final int Sn_CR = 0x0001;
    static final int Sn_CR_OPEN = 0x01;
    static final int Sn_CR_LISTEN = 0x02;
    static final int Sn_CR_CONNECT = 0x04;
    static final int Sn_CR_DISCON = 0x08;
    static final int Sn_CR_CLOSE = 0x10;
    static final int Sn_CR_SEND = 0x20;
    static final int Sn_CR_SEND_MAC = 0x21;
    static final int Sn_CR_SEND_KEEP = 0x22;
    static final int Sn_CR_RECV = 0x40;

    /** Interrupt; write 1 to clear a bit. */
    static final int Sn_IR = 0x0002;
    static final int Sn_IR_SEND_OK = 0x10;
    static final int Sn_IR_TIMEOUT = 0x08;
    static final int Sn_IR_RECV = 0x04;
    static final int Sn_IR_DISCON = 0x02;
    static final int Sn_IR_CON = 0x01;

    /** Status, read-only. */
    static final int Sn_SR = 0x0003;
    static final int SOCK_CLOSED = 0x00;
    static final int SOCK_INIT = 0x13;
    static final int SOCK_LISTEN = 0x14;
    static final int SOCK_ESTABLISHED = 0x17;
    static final int SOCK_CLOSE_WAIT = 0x1C;
    static final int SOCK_UDP = 0x22;
    static final int SOCK_MACRAW = 0x42;
    // transient states
    static final int SOCK_SYNSENT = 0x15;
    static final int SOCK_SYNRECV = 0x16;
    static final int SOCK_FIN_WAIT = 0x18;
    static final int SOCK_CLOSING = 0x1A;
    static final int SOCK_TIME_WAIT = 0x1B;
    static final int SOCK_LAST_ACK = 0x1D;

    /** Source port, 2 bytes. */
    static final int Sn_PORT = 0x0004;
    /** Destination hardware address, 6 bytes: set for SEND_MAC, or learnt by ARP at CONNECT/SEND. */
    static final int Sn_DHAR = 0x0006;
    /** Destination IP address, 4 bytes. */
    static final int Sn_DIPR = 0x000C;
    /** Destination port, 2 bytes. */
    static final int Sn_DPORT = 0x0010;
    /** Maximum segment size, 2 bytes. */
    static final int Sn_MSSR = 0x0012;
    static final int Sn_TOS = 0x0015;
    static final int Sn_TTL = 0x0016;
    /** Buffer sizes in KB. */
    static final int Sn_RXBUF_SIZE = 0x001E;
    static final int Sn_TXBUF_SIZE = 0x001F;
    /** TX free size, 2 bytes, read-only. */
    static final int Sn_TX_FSR = 0x0020;
    /** TX read pointer, 2 bytes, read-only. */
    static final int Sn_TX_RD = 0x0022;
    /** TX write pointer, 2 bytes. */
    static final int Sn_TX_WR = 0x0024;
    /** RX received size, 2 bytes, read-only. */
    static final int Sn_RX_RSR = 0x0026;
    /** RX read pointer, 2 bytes. */
    static final int Sn_RX_RD = 0x0028;
    /** RX write pointer, 2 bytes, read-only. */
    static final int Sn_RX_WR = 0x002A;
    /** Interrupt mask: an Sn_IR bit is set only while its mask bit is 1. */
    static final int Sn_IMR = 0x002C;
    /** IP header fragment field, 2 bytes. */
    static final int Sn_FRAG = 0x002D;
    /** Keep-alive period in 5 s units; 0: keep-alives only by SEND_KEEP. */
    static final int Sn_KPALVTR = 0x002F;

    /** What the chip puts before each UDP datagram in the RX buffer: peer IP (4), port (2), length (2). */
    static final int UDP_HEADER_BYTES = 8;
}
