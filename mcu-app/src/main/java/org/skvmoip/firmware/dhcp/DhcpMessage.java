package org.skvmoip.firmware.dhcp;

import org.skvmoip.protocol.Bytes;

/**
 * The DHCP message format (RFC 2131 §2, figure 1) and the options this client uses (RFC 2132),
 * with small writers that fill a caller's buffer. Multi-byte fields are big-endian.
 */
public final class DhcpMessage {

    public static final int SERVER_PORT = 67;
    public static final int CLIENT_PORT = 68;

    // Fixed-format header (RFC 2131 §2, table 1)
    static final int OFF_OP = 0;
    static final int OFF_HTYPE = 1;
    static final int OFF_HLEN = 2;
    static final int OFF_HOPS = 3;
    static final int OFF_XID = 4;
    static final int OFF_SECS = 8;
    static final int OFF_FLAGS = 10;
    static final int OFF_CIADDR = 12;
    static final int OFF_YIADDR = 16;
    static final int OFF_SIADDR = 20;
    static final int OFF_GIADDR = 24;
    static final int OFF_CHADDR = 28;
    static final int OFF_SNAME = 44;
    static final int SNAME_BYTES = 64;
    static final int OFF_FILE = 108;
    static final int FILE_BYTES = 128;
    static final int OFF_COOKIE = 236;
    static final int OFF_OPTIONS = 240;

    static final int BOOTREQUEST = 1;
    static final int BOOTREPLY = 2;
    static final int HTYPE_ETHERNET = 1;
    static final int HLEN_ETHERNET = 6;
    /** flags: ask the server to broadcast its reply (the W5500 drops unicast IP it is not configured for). */
    static final int FLAG_BROADCAST = 0x8000;
    /** 99.130.83.99 (RFC 2131 §3). */
    static final int MAGIC_COOKIE = 0x63825363;

    /**
     * A client must accept messages of 576 bytes (RFC 2131 §2); it announces no more (option
     * 57), so one buffer of this size holds any reply a conforming server sends.
     */
    public static final int MAX_MESSAGE_BYTES = 576;
    /** BOOTP relays may drop shorter messages (RFC 1542 §2.1): requests are zero-padded to this. */
    static final int MIN_BOOTP_BYTES = 300;

    // DHCP message types, option 53 (RFC 2132 §9.6)
    public static final int DHCPDISCOVER = 1;
    public static final int DHCPOFFER = 2;
    public static final int DHCPREQUEST = 3;
    public static final int DHCPDECLINE = 4;
    public static final int DHCPACK = 5;
    public static final int DHCPNAK = 6;
    public static final int DHCPRELEASE = 7;
    public static final int DHCPINFORM = 8;

    // Options (RFC 2132)
    static final int OPT_PAD = 0;
    static final int OPT_SUBNET_MASK = 1;
    static final int OPT_ROUTER = 3;
    static final int OPT_DOMAIN_NAME_SERVER = 6;
    static final int OPT_HOST_NAME = 12;
    static final int OPT_REQUESTED_IP = 50;
    static final int OPT_LEASE_TIME = 51;
    static final int OPT_OVERLOAD = 52;
    static final int OPT_MESSAGE_TYPE = 53;
    static final int OPT_SERVER_ID = 54;
    static final int OPT_PARAMETER_REQUEST_LIST = 55;
    static final int OPT_MAX_MESSAGE_SIZE = 57;
    static final int OPT_RENEWAL_TIME = 58;
    static final int OPT_REBINDING_TIME = 59;
    static final int OPT_CLIENT_ID = 61;
    static final int OPT_END = 255;

    /** Option 52 values: which header fields carry more options. */
    static final int OVERLOAD_FILE = 1;
    static final int OVERLOAD_SNAME = 2;

    /** What the module asks for: mask, router, DNS, lease time, T1, T2. */
    static final byte[] PARAMETER_REQUEST_LIST = {
        OPT_SUBNET_MASK, OPT_ROUTER, OPT_DOMAIN_NAME_SERVER, OPT_LEASE_TIME, OPT_RENEWAL_TIME, OPT_REBINDING_TIME
    };

    private DhcpMessage() {
    }

    /**
     * Writes a BOOTREQUEST header (zeroing sname, file and everything up to {@link
     * #MIN_BOOTP_BYTES}) and the magic cookie.
     *
     * @return where the options start
     */
    static int writeRequestHeader(byte[] b, int xid, int secs, boolean broadcast, int ciaddr, byte[] mac) {
        for (int i = 0; i < MIN_BOOTP_BYTES; i++) {
            b[i] = 0;
        }
        b[OFF_OP] = BOOTREQUEST;
        b[OFF_HTYPE] = HTYPE_ETHERNET;
        b[OFF_HLEN] = HLEN_ETHERNET;
        Bytes.put32(b, OFF_XID, xid);
        Bytes.put16(b, OFF_SECS, secs > 0xFFFF ? 0xFFFF : secs);
        Bytes.put16(b, OFF_FLAGS, broadcast ? FLAG_BROADCAST : 0);
        Bytes.put32(b, OFF_CIADDR, ciaddr);
        System.arraycopy(mac, 0, b, OFF_CHADDR, HLEN_ETHERNET);
        Bytes.put32(b, OFF_COOKIE, MAGIC_COOKIE);
        return OFF_OPTIONS;
    }

    static int putOption8(byte[] b, int pos, int code, int value) {
        b[pos] = (byte) code;
        b[pos + 1] = 1;
        b[pos + 2] = (byte) value;
        return pos + 3;
    }

    static int putOption16(byte[] b, int pos, int code, int value) {
        b[pos] = (byte) code;
        b[pos + 1] = 2;
        Bytes.put16(b, pos + 2, value);
        return pos + 4;
    }

    static int putOption32(byte[] b, int pos, int code, int value) {
        b[pos] = (byte) code;
        b[pos + 1] = 4;
        Bytes.put32(b, pos + 2, value);
        return pos + 6;
    }

    static int putOptionBytes(byte[] b, int pos, int code, byte[] src, int off, int len) {
        b[pos] = (byte) code;
        b[pos + 1] = (byte) len;
        System.arraycopy(src, off, b, pos + 2, len);
        return pos + 2 + len;
    }

    /** Option 61 as RFC 2132 §9.14 suggests for Ethernet: type 1 then the MAC. */
    static int putClientId(byte[] b, int pos, byte[] mac) {
        b[pos] = OPT_CLIENT_ID;
        b[pos + 1] = 1 + HLEN_ETHERNET;
        b[pos + 2] = HTYPE_ETHERNET;
        System.arraycopy(mac, 0, b, pos + 3, HLEN_ETHERNET);
        return pos + 3 + HLEN_ETHERNET;
    }

    /** Writes END and returns the message length (at least {@link #MIN_BOOTP_BYTES}; the header zeroed the padding). */
    static int end(byte[] b, int pos) {
        b[pos] = (byte) OPT_END;
        return pos + 1 < MIN_BOOTP_BYTES ? MIN_BOOTP_BYTES : pos + 1;
    }


    static void ipToBytes(int ip, byte[] dst, int off) {
        Bytes.put32(dst, off, ip);
    }
}
