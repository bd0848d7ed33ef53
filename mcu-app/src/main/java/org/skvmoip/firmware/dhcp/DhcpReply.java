package org.skvmoip.firmware.dhcp;

import org.skvmoip.protocol.Bytes;

import static org.skvmoip.firmware.dhcp.DhcpMessage.*;

/**
 * One server reply, checked and picked apart in place: {@link #parse} either returns {@link
 * #OK} with the fields filled or an error code saying why the datagram is not for this client.
 * Every option length is checked against the end of its area before a byte of it is read, so
 * no datagram, however built, can make the parser read outside it.
 *
 * <p>Addresses are kept as big-endian ints (0 = absent); times in seconds as longs (-1 = absent;
 * 0xFFFFFFFF = infinite, RFC 2131 §3.3).
 */
public final class DhcpReply {

    public static final int OK = 0;
    /** Shorter than the fixed header and cookie. */
    public static final int TOO_SHORT = -1;
    /** Not a BOOTREPLY for Ethernet (op, htype or hlen wrong). */
    public static final int NOT_A_REPLY = -2;
    /** Another exchange's reply (xid) or another client's (chaddr): normal on a busy LAN. */
    public static final int NOT_FOR_US = -3;
    public static final int BAD_COOKIE = -4;
    /** An option runs past the end of its area, or the options have no END. */
    public static final int BAD_OPTIONS = -5;
    /** An option this client reads has a length its definition does not allow. */
    public static final int BAD_OPTION_LENGTH = -6;
    /** No option 53, so not DHCP (a plain BOOTP reply). */
    public static final int NO_MESSAGE_TYPE = -7;

    public static final long INFINITE = 0xFFFFFFFFL;

    public int messageType;
    public int yiaddr;
    public int serverId;
    public int subnetMask;
    public int router;
    public int dns;
    public long leaseSeconds;
    public long renewalSeconds;
    public long rebindingSeconds;
    private int overload;

    public static String describe(int result) {
        switch (result) {
            case OK:
                return "ok";
            case TOO_SHORT:
                return "shorter than a DHCP header";
            case NOT_A_REPLY:
                return "not a BOOTREPLY for Ethernet";
            case NOT_FOR_US:
                return "for another exchange or client (xid or chaddr)";
            case BAD_COOKIE:
                return "no DHCP magic cookie";
            case BAD_OPTIONS:
                return "options truncated or running past the end";
            case BAD_OPTION_LENGTH:
                return "an option with an impossible length";
            case NO_MESSAGE_TYPE:
                return "no DHCP message type";
            default:
                return "unknown";
        }
    }

    /**
     * Parses the {@code len} bytes of {@code b} as a reply to exchange {@code xid} of the
     * client with hardware address {@code mac}.
     */
    public int parse(byte[] b, int len, int xid, byte[] mac) {
        clear();
        if (len < OFF_OPTIONS || len > b.length) {
            return TOO_SHORT;
        }
        if (b[OFF_OP] != BOOTREPLY || b[OFF_HTYPE] != HTYPE_ETHERNET || b[OFF_HLEN] != HLEN_ETHERNET) {
            return NOT_A_REPLY;
        }
        if (Bytes.s32(b, OFF_XID) != xid || !sameMac(b, mac)) {
            return NOT_FOR_US;
        }
        if (Bytes.s32(b, OFF_COOKIE) != MAGIC_COOKIE) {
            return BAD_COOKIE;
        }
        yiaddr = Bytes.s32(b, OFF_YIADDR);
        int result = parseOptions(b, OFF_OPTIONS, len, true);
        // Option overload (RFC 2132 §9.3): the file field, then sname, carry more options.
        if (result == OK && (overload & OVERLOAD_FILE) != 0) {
            result = parseOptions(b, OFF_FILE, OFF_FILE + FILE_BYTES, false);
        }
        if (result == OK && (overload & OVERLOAD_SNAME) != 0) {
            result = parseOptions(b, OFF_SNAME, OFF_SNAME + SNAME_BYTES, false);
        }
        if (result != OK) {
            return result;
        }
        return messageType == 0 ? NO_MESSAGE_TYPE : OK;
    }

    private void clear() {
        messageType = 0;
        yiaddr = 0;
        serverId = 0;
        subnetMask = 0;
        router = 0;
        dns = 0;
        leaseSeconds = -1;
        renewalSeconds = -1;
        rebindingSeconds = -1;
        overload = 0;
    }

    private static boolean sameMac(byte[] b, byte[] mac) {
        for (int i = 0; i < HLEN_ETHERNET; i++) {
            if (b[OFF_CHADDR + i] != mac[i]) {
                return false;
            }
        }
        return true;
    }

    /** The options area must end with END; an overloaded field may simply run out. */
    private int parseOptions(byte[] b, int pos, int end, boolean endRequired) {
        while (pos < end) {
            int code = b[pos] & 0xFF;
            if (code == OPT_END) {
                return OK;
            }
            if (code == OPT_PAD) {
                pos++;
                continue;
            }
            if (pos + 2 > end) {
                return BAD_OPTIONS;
            }
            int length = b[pos + 1] & 0xFF;
            int value = pos + 2;
            if (value + length > end) {
                return BAD_OPTIONS;
            }
            int result = take(b, code, value, length, endRequired);
            if (result != OK) {
                return result;
            }
            pos = value + length;
        }
        return endRequired ? BAD_OPTIONS : OK;
    }

    private int take(byte[] b, int code, int at, int length, boolean mainArea) {
        switch (code) {
            case OPT_MESSAGE_TYPE:
                if (length != 1) {
                    return BAD_OPTION_LENGTH;
                }
                messageType = b[at] & 0xFF;
                return OK;
            case OPT_OVERLOAD:
                if (length != 1) {
                    return BAD_OPTION_LENGTH;
                }
                if (mainArea) { // an overload option inside an overloaded field is ignored
                    overload = b[at] & 0xFF;
                }
                return OK;
            case OPT_SERVER_ID:
                return length == 4 ? store(b, at, code) : BAD_OPTION_LENGTH;
            case OPT_SUBNET_MASK:
                return length == 4 ? store(b, at, code) : BAD_OPTION_LENGTH;
            case OPT_ROUTER:
            case OPT_DOMAIN_NAME_SERVER:
                // A list of addresses, most preferred first: the module uses the first.
                return length >= 4 && length % 4 == 0 ? store(b, at, code) : BAD_OPTION_LENGTH;
            case OPT_LEASE_TIME:
            case OPT_RENEWAL_TIME:
            case OPT_REBINDING_TIME:
                return length == 4 ? store(b, at, code) : BAD_OPTION_LENGTH;
            default:
                return OK; // options the module does not use are skipped by their length
        }
    }

    private int store(byte[] b, int at, int code) {
        int v = Bytes.s32(b, at);
        switch (code) {
            case OPT_SERVER_ID:
                serverId = v;
                break;
            case OPT_SUBNET_MASK:
                subnetMask = v;
                break;
            case OPT_ROUTER:
                router = v;
                break;
            case OPT_DOMAIN_NAME_SERVER:
                dns = v;
                break;
            case OPT_LEASE_TIME:
                leaseSeconds = v & INFINITE;
                break;
            case OPT_RENEWAL_TIME:
                renewalSeconds = v & INFINITE;
                break;
            default:
                rebindingSeconds = v & INFINITE;
                break;
        }
        return OK;
    }
}
