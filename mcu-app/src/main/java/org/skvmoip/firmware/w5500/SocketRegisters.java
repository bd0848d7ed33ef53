package org.skvmoip.firmware.w5500;

/**
 * W5500 socket register block (BSB {@code 4n+1}), offsets and bits as in the datasheet v1.1,
 * §4.2. Multi-byte registers are big-endian; the constant is the offset of their first byte.
 */
public final class SocketRegisters {

    private SocketRegisters() {
    }

    /** Socket mode. */
    public static final int Sn_MR = 0x0000;
    public static final int Sn_MR_MULTI = 0x80;
    public static final int Sn_MR_BCASTB = 0x40;
    /** TCP: no delayed ACK. */
    public static final int Sn_MR_ND = 0x20;
    public static final int Sn_MR_UCASTB = 0x10;
    public static final int Sn_MR_PROTOCOL_MASK = 0x0F;
    public static final int Sn_MR_CLOSE = 0x00;
    public static final int Sn_MR_TCP = 0x01;
    public static final int Sn_MR_UDP = 0x02;
    public static final int Sn_MR_MACRAW = 0x04;

    /** Socket command; the chip clears it to 0 once it has accepted the command. */
    public static final int Sn_CR = 0x0001;
    public static final int Sn_CR_OPEN = 0x01;
    public static final int Sn_CR_LISTEN = 0x02;
    public static final int Sn_CR_CONNECT = 0x04;
    public static final int Sn_CR_DISCON = 0x08;
    public static final int Sn_CR_CLOSE = 0x10;
    public static final int Sn_CR_SEND = 0x20;
    public static final int Sn_CR_SEND_MAC = 0x21;
    public static final int Sn_CR_SEND_KEEP = 0x22;
    public static final int Sn_CR_RECV = 0x40;

    /** Socket interrupt; write 1 to a bit to clear it. */
    public static final int Sn_IR = 0x0002;
    public static final int Sn_IR_SEND_OK = 0x10;
    public static final int Sn_IR_TIMEOUT = 0x08;
    public static final int Sn_IR_RECV = 0x04;
    public static final int Sn_IR_DISCON = 0x02;
    public static final int Sn_IR_CON = 0x01;

    /** Socket status (read-only). */
    public static final int Sn_SR = 0x0003;
    public static final int SOCK_CLOSED = 0x00;
    public static final int SOCK_INIT = 0x13;
    public static final int SOCK_LISTEN = 0x14;
    public static final int SOCK_ESTABLISHED = 0x17;
    public static final int SOCK_CLOSE_WAIT = 0x1C;
    public static final int SOCK_UDP = 0x22;
    public static final int SOCK_MACRAW = 0x42;
    /** Transient states, seen while the chip exchanges SYN/FIN segments. */
    public static final int SOCK_SYNSENT = 0x15;
    public static final int SOCK_SYNRECV = 0x16;
    public static final int SOCK_FIN_WAIT = 0x18;
    public static final int SOCK_CLOSING = 0x1A;
    public static final int SOCK_TIME_WAIT = 0x1B;
    public static final int SOCK_LAST_ACK = 0x1D;

    /** Source port, 2 bytes. */
    public static final int Sn_PORT = 0x0004;
    /** Destination MAC address, 6 bytes. */
    public static final int Sn_DHAR = 0x0006;
    /** Destination IP address, 4 bytes. */
    public static final int Sn_DIPR = 0x000C;
    /** Destination port, 2 bytes. */
    public static final int Sn_DPORT = 0x0010;
    /** Maximum segment size, 2 bytes. */
    public static final int Sn_MSSR = 0x0012;
    /** IP type of service and time to live. */
    public static final int Sn_TOS = 0x0015;
    public static final int Sn_TTL = 0x0016;

    /** Buffer sizes in KB: 0, 1, 2, 4, 8 or 16; all sockets together at most 16 each way. */
    public static final int Sn_RXBUF_SIZE = 0x001E;
    public static final int Sn_TXBUF_SIZE = 0x001F;

    /** TX free size, 2 bytes, read-only; changes under the host, so read until two reads agree. */
    public static final int Sn_TX_FSR = 0x0020;
    /** TX read pointer (chip's), 2 bytes, read-only. */
    public static final int Sn_TX_RD = 0x0022;
    /** TX write pointer (host's), 2 bytes. */
    public static final int Sn_TX_WR = 0x0024;
    /** RX received size, 2 bytes, read-only; changes under the host, so read until two reads agree. */
    public static final int Sn_RX_RSR = 0x0026;
    /** RX read pointer (host's), 2 bytes. */
    public static final int Sn_RX_RD = 0x0028;
    /** RX write pointer (chip's), 2 bytes, read-only. */
    public static final int Sn_RX_WR = 0x002A;

    /** Socket interrupt mask. */
    public static final int Sn_IMR = 0x002C;
    /** IP fragment offset, 2 bytes. */
    public static final int Sn_FRAG = 0x002D;
    /** TCP keep-alive period in units of 5 s; 0 disables automatic keep-alive. */
    public static final int Sn_KPALVTR = 0x002F;

    /** Bytes the chip prepends to every UDP datagram in the RX buffer: peer IP (4), port (2), length (2). */
    public static final int UDP_HEADER_BYTES = 8;
}
