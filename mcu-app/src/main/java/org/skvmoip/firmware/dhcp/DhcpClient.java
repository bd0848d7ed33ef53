package org.skvmoip.firmware.dhcp;

import org.skvmoip.protocol.Bytes;

import static org.skvmoip.firmware.dhcp.DhcpMessage.*;

import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.W5500Socket;

/**
 * A DHCP client (RFC 2131, options from RFC 2132) on one W5500 UDP socket, driven by the main
 * loop: {@link #poll(long)} whenever the socket's interrupt fires or {@link #nextDeadline()}
 * is reached. It never blocks and allocates nothing after construction.
 *
 * <p>States as in RFC 2131 §4.4 (figure 5): INIT → SELECTING (DHCPDISCOVER) → REQUESTING
 * (DHCPREQUEST for the first offer) → BOUND → RENEWING at T1 (unicast to the server) →
 * REBINDING at T2 (broadcast) → INIT when the lease expires; a DHCPNAK also sends it to INIT.
 * Replies are matched by xid and chaddr only, never by their source address.
 *
 * <p>Retransmission (§4.1): 4, 8, 16, 32, then every 64 s, each randomised by ±1 s. In
 * RENEWING and REBINDING, half the time left to T2 or to expiry, at least 60 s (§4.4.5).
 *
 * <p>Fallback: when {@link #FALLBACK_AFTER_DISCOVERS} DHCPDISCOVERs (about 2 minutes) go
 * unanswered, the static fallback address is put in the {@link NetworkConfig} so the module
 * can be reached; discovery goes on every 64 s, and a lease found later replaces it.
 *
 * <p>Left out: the ARP probe of an offered address and DHCPDECLINE (§4.4.1 "SHOULD"), the
 * INIT-REBOOT state (the module does not keep its lease across restarts), DHCPRELEASE and
 * DHCPINFORM.
 */
public final class DhcpClient {

    public static final int STATE_STOPPED = 0;
    public static final int STATE_INIT = 1;
    public static final int STATE_SELECTING = 2;
    public static final int STATE_REQUESTING = 3;
    public static final int STATE_BOUND = 4;
    public static final int STATE_RENEWING = 5;
    public static final int STATE_REBINDING = 6;

    /** First retransmission timeout (RFC 2131 §4.1), doubled each time up to {@link #MAX_RETRANSMIT_MILLIS}. */
    public static final int FIRST_RETRANSMIT_MILLIS = 4_000;
    public static final int MAX_RETRANSMIT_MILLIS = 64_000;
    public static final int JITTER_MILLIS = 1_000;
    /** Unanswered DHCPDISCOVERs (4 + 8 + 16 + 32 + 64 s ≈ 2 min) before the fallback address is used. */
    public static final int FALLBACK_AFTER_DISCOVERS = 5;
    /** Unanswered DHCPREQUESTs (4 + 8 + 16 + 32 s) in REQUESTING before starting over. */
    public static final int MAX_REQUESTS = 4;
    /** The shortest wait between DHCPREQUESTs in RENEWING and REBINDING (§4.4.5). */
    public static final int MIN_RENEW_RETRANSMIT_MILLIS = 60_000;
    /** How soon to retry a send the chip could not take yet (its previous SEND still in flight). */
    static final int SEND_RETRY_MILLIS = 5;
    /** How soon to retry opening the socket when the chip did not answer. */
    static final int REOPEN_RETRY_MILLIS = 1_000;
    /** Datagrams handled per poll, so a flood of junk cannot hold the main loop. */
    static final int MAX_DATAGRAMS_PER_POLL = 4;

    private static final long NEVER = Long.MAX_VALUE;
    private static final byte[] BROADCAST = {(byte) 255, (byte) 255, (byte) 255, (byte) 255};

    private final W5500Socket socket;
    private final NetworkConfig config;
    private final NetworkConfig fallback;
    private final int serverPort;
    private final int clientPort;
    private final Jitter jitter;
    private final DhcpReply reply = new DhcpReply();
    private final byte[] buffer = new byte[MAX_MESSAGE_BYTES];
    private final byte[] serverIp = new byte[4];
    private final byte[] hostName = new byte[32];
    private int hostNameLength;

    private int state = STATE_STOPPED;
    private int xid;
    private int attempts;
    private long nextTimeout = NEVER;
    private boolean transmitPending;
    private long sendRetryAt = NEVER;
    private long exchangeStartedAt;
    private long requestSentAt;

    private int offeredIp;
    private int serverId;
    private long leaseSeconds;
    private long boundAt;
    private long t1At = NEVER;
    private long t2At = NEVER;
    private long expiresAt = NEVER;
    private int dns;

    private boolean usingFallback;
    private boolean addressChanged;

    private int transmissions;
    private int leasesObtained;
    private int naksReceived;
    private int ignoredReplies;
    private int lastIgnoredReason = DhcpReply.OK;

    /**
     * @param socket   the W5500 socket DHCP may own
     * @param config   the live addresses: its MAC is the client's; its IP, subnet and gateway
     *                 are what this client writes
     * @param fallback the static address to use when no server answers, or null for none
     * @param seed     mixed with the MAC for xids and jitter (the clock at start-up will do)
     */
    public DhcpClient(W5500Socket socket, NetworkConfig config, NetworkConfig fallback, long seed) {
        this(socket, config, fallback, seed, SERVER_PORT, CLIENT_PORT);
    }

    /** With other UDP ports than 67/68, for a test server that cannot bind port 67. */
    public DhcpClient(W5500Socket socket, NetworkConfig config, NetworkConfig fallback, long seed,
            int serverPort, int clientPort) {
        this.socket = socket;
        this.config = config;
        this.fallback = fallback;
        this.serverPort = serverPort;
        this.clientPort = clientPort;
        this.jitter = new Jitter(config.mac, seed);
    }

    /**
     * The host name sent in option 12 (RFC 2132 §3.14: at least 1 byte); 0 bytes sends none.
     * Longer than 32 bytes is cut to 32.
     */
    public void setHostName(byte[] name, int off, int len) {
        hostNameLength = len < hostName.length ? len : hostName.length;
        System.arraycopy(name, off, hostName, 0, hostNameLength);
    }

    /**
     * Starts from INIT: the module has no address until a lease (or the fallback) gives it one,
     * so IP, subnet and gateway are zeroed now ({@link #takeAddressChange()} says so).
     */
    public void start(long now) {
        loseAddress();
        enterInit(now);
    }

    /** Stops and closes the socket; the addresses stay as they are. */
    public void stop() {
        socket.close();
        state = STATE_STOPPED;
        nextTimeout = NEVER;
        sendRetryAt = NEVER;
        transmitPending = false;
    }

    /** Serves the socket and the timers; returns at once. */
    public void poll(long now) {
        if (state == STATE_STOPPED) {
            return;
        }
        sendRetryAt = NEVER;
        if (socket.status() != SocketRegisters.SOCK_UDP && socket.openUdp(clientPort) != 0) {
            sendRetryAt = now + REOPEN_RETRY_MILLIS;
            if (nextTimeout < sendRetryAt) {
                nextTimeout = sendRetryAt; // due work waits for the socket; the loop must not spin
            }
            return;
        }
        socket.takeInterrupts();
        for (int i = 0; i < MAX_DATAGRAMS_PER_POLL; i++) {
            int n = socket.recvFrom(buffer, 0, buffer.length);
            if (n <= 0) {
                break;
            }
            onDatagram(n, now);
        }
        if (state == STATE_INIT) {
            enterSelecting(now);
        } else if (bound() && now >= expiresAt) {
            // Checked apart from the timers: a send stuck in the chip must not stretch a lease.
            loseAddress();
            enterInit(now);
            enterSelecting(now);
        } else if (!transmitPending && now >= nextTimeout) {
            onTimeout(now);
        }
        if (transmitPending) {
            transmit(now);
        }
    }

    /**
     * When {@link #poll(long)} next has timed work: a retransmission, T1, T2, expiry, or a
     * retry of a send the chip could not take; {@code Long.MAX_VALUE} for none.
     */
    public long nextDeadline() {
        long timer = transmitPending ? NEVER : nextTimeout;
        return timer < sendRetryAt ? timer : sendRetryAt;
    }

    private void onTimeout(long now) {
        switch (state) {
            case STATE_SELECTING:
                attempts++;
                if (attempts >= FALLBACK_AFTER_DISCOVERS && !usingFallback && fallback != null) {
                    useFallback();
                }
                transmitPending = true;
                break;
            case STATE_REQUESTING:
                attempts++;
                if (attempts >= MAX_REQUESTS) {
                    enterInit(now);
                    enterSelecting(now);
                } else {
                    transmitPending = true;
                }
                break;
            case STATE_BOUND:
                state = STATE_RENEWING;
                newExchange(now);
                transmitPending = true;
                break;
            case STATE_RENEWING:
                if (now >= t2At) {
                    state = STATE_REBINDING;
                    attempts = 0;
                }
                transmitPending = true;
                break;
            case STATE_REBINDING:
                if (now >= expiresAt) {
                    loseAddress();
                    enterInit(now);
                    enterSelecting(now);
                } else {
                    transmitPending = true;
                }
                break;
            default:
                break;
        }
    }

    private void onDatagram(int length, long now) {
        if (state != STATE_SELECTING && state != STATE_REQUESTING && state != STATE_RENEWING
                && state != STATE_REBINDING) {
            return;
        }
        int result = reply.parse(buffer, length, xid, config.mac);
        if (result != DhcpReply.OK) {
            ignore(result);
            return;
        }
        int type = reply.messageType;
        if (state == STATE_SELECTING) {
            if (type == DHCPOFFER && reply.yiaddr != 0 && reply.serverId != 0) {
                offeredIp = reply.yiaddr;
                serverId = reply.serverId;
                state = STATE_REQUESTING;
                attempts = 0;
                transmitPending = true;
            }
            return;
        }
        // REQUESTING, RENEWING, REBINDING: an ACK or NAK to our DHCPREQUEST.
        if (state == STATE_REQUESTING && reply.serverId != 0 && reply.serverId != serverId) {
            return; // another server answering a request that was not for it
        }
        if (type == DHCPACK && reply.yiaddr != 0 && reply.leaseSeconds > 0) {
            bind(now);
        } else if (type == DHCPNAK) {
            naksReceived++;
            if (state != STATE_REQUESTING) {
                loseAddress(); // the lease is gone; in REQUESTING there was none (a fallback stays)
            }
            enterInit(now);
        }
    }

    private void ignore(int reason) {
        ignoredReplies++;
        lastIgnoredReason = reason;
    }

    /** The lease runs from when the request was sent (RFC 2131 §4.4.1), not from the ACK. */
    private void bind(long now) {
        if (reply.serverId != 0) {
            serverId = reply.serverId;
        }
        leaseSeconds = reply.leaseSeconds;
        boundAt = requestSentAt;
        if (leaseSeconds == DhcpReply.INFINITE) {
            t1At = NEVER;
            t2At = NEVER;
            expiresAt = NEVER;
        } else {
            long lease = leaseSeconds * 1000;
            long t1 = reply.renewalSeconds * 1000;
            long t2 = reply.rebindingSeconds * 1000;
            // Defaults 0.5 and 0.875 of the lease (§4.4.5), also when the server's are inconsistent.
            if (reply.rebindingSeconds < 0 || t2 >= lease) {
                t2 = lease * 7 / 8;
            }
            if (reply.renewalSeconds < 0 || t1 >= t2) {
                t1 = lease / 2;
            }
            t1At = boundAt + t1;
            t2At = boundAt + t2;
            expiresAt = boundAt + lease;
        }
        int mask = reply.subnetMask != 0 ? reply.subnetMask : classfulMask(reply.yiaddr);
        setAddress(reply.yiaddr, mask, reply.router);
        dns = reply.dns;
        usingFallback = false;
        leasesObtained++;
        state = STATE_BOUND;
        transmitPending = false;
        nextTimeout = t1At > now ? t1At : now;
    }

    /** RFC 2131 §4.4.1 asks for option 1; a server that leaves it out gets the class's mask. */
    private static int classfulMask(int ip) {
        int first = ip >>> 24;
        return first < 128 ? 0xFF000000 : first < 192 ? 0xFFFF0000 : 0xFFFFFF00;
    }

    private void enterInit(long now) {
        state = STATE_INIT;
        transmitPending = false;
        nextTimeout = now;
        t1At = NEVER;
        t2At = NEVER;
        expiresAt = NEVER;
    }

    private void enterSelecting(long now) {
        state = STATE_SELECTING;
        newExchange(now);
        transmitPending = true;
    }

    private void newExchange(long now) {
        xid = jitter.next();
        attempts = 0;
        exchangeStartedAt = now;
    }

    /** Builds the message the state calls for and hands it to the chip, or retries soon. */
    private void transmit(long now) {
        int secs = (int) ((now - exchangeStartedAt) / 1000);
        int length;
        byte[] destination = BROADCAST;
        switch (state) {
            case STATE_SELECTING:
                length = discover(secs);
                break;
            case STATE_REQUESTING:
                length = request(secs, true, 0);
                break;
            case STATE_RENEWING:
                length = request(secs, false, ipOf(config.ip));
                DhcpMessage.ipToBytes(serverId, serverIp, 0);
                destination = serverIp;
                break;
            case STATE_REBINDING:
                length = request(secs, false, ipOf(config.ip));
                break;
            default:
                transmitPending = false;
                return;
        }
        int sent = socket.sendTo(destination, 0, serverPort, buffer, 0, length);
        if (sent <= 0) {
            // 0: the chip's previous SEND is still in flight; negative: the socket went away
            // (chip reset) and the next poll reopens it. Either way the message goes out later
            // and no retransmission is counted for it.
            sendRetryAt = now + (sent == 0 ? SEND_RETRY_MILLIS : REOPEN_RETRY_MILLIS);
            return;
        }
        transmitPending = false;
        transmissions++;
        if (state != STATE_SELECTING && attempts == 0) {
            requestSentAt = now;
        }
        scheduleRetransmission(now);
    }

    private void scheduleRetransmission(long now) {
        if (state == STATE_RENEWING || state == STATE_REBINDING) {
            long limit = state == STATE_RENEWING ? t2At : expiresAt;
            long wait = (limit - now) / 2;
            if (wait < MIN_RENEW_RETRANSMIT_MILLIS) {
                wait = MIN_RENEW_RETRANSMIT_MILLIS;
            }
            nextTimeout = now + wait < limit ? now + wait : limit;
            attempts++;
            return;
        }
        int shift = attempts < 4 ? attempts : 4;
        long wait = (long) FIRST_RETRANSMIT_MILLIS << shift;
        if (wait > MAX_RETRANSMIT_MILLIS) {
            wait = MAX_RETRANSMIT_MILLIS;
        }
        nextTimeout = now + wait + jitter.plusMinus(JITTER_MILLIS);
    }

    private int discover(int secs) {
        int pos = writeRequestHeader(buffer, xid, secs, true, 0, config.mac);
        pos = putOption8(buffer, pos, OPT_MESSAGE_TYPE, DHCPDISCOVER);
        return commonOptions(pos);
    }

    /**
     * In REQUESTING the request names the offer (options 50 and 54, ciaddr 0, §4.3.2); in
     * RENEWING and REBINDING it carries the bound address in ciaddr and must not have them.
     */
    private int request(int secs, boolean selecting, int ciaddr) {
        int pos = writeRequestHeader(buffer, xid, secs, selecting, ciaddr, config.mac);
        pos = putOption8(buffer, pos, OPT_MESSAGE_TYPE, DHCPREQUEST);
        if (selecting) {
            pos = putOption32(buffer, pos, OPT_REQUESTED_IP, offeredIp);
            pos = putOption32(buffer, pos, OPT_SERVER_ID, serverId);
        }
        return commonOptions(pos);
    }

    private int commonOptions(int pos) {
        pos = putClientId(buffer, pos, config.mac);
        pos = putOptionBytes(buffer, pos, OPT_PARAMETER_REQUEST_LIST, PARAMETER_REQUEST_LIST, 0,
                PARAMETER_REQUEST_LIST.length);
        pos = putOption16(buffer, pos, OPT_MAX_MESSAGE_SIZE, MAX_MESSAGE_BYTES);
        if (hostNameLength > 0) {
            pos = putOptionBytes(buffer, pos, OPT_HOST_NAME, hostName, 0, hostNameLength);
        }
        return end(buffer, pos);
    }

    private void useFallback() {
        usingFallback = true;
        setAddress(ipOf(fallback.ip), ipOf(fallback.subnet), ipOf(fallback.gateway));
    }

    private void loseAddress() {
        usingFallback = false;
        leaseSeconds = 0;
        serverId = 0;
        dns = 0;
        setAddress(0, 0, 0);
    }

    private void setAddress(int ip, int mask, int gateway) {
        if (ipOf(config.ip) != ip || ipOf(config.subnet) != mask || ipOf(config.gateway) != gateway) {
            DhcpMessage.ipToBytes(ip, config.ip, 0);
            DhcpMessage.ipToBytes(mask, config.subnet, 0);
            DhcpMessage.ipToBytes(gateway, config.gateway, 0);
            addressChanged = true;
        }
    }

    private static int ipOf(byte[] ip) {
        return Bytes.s32(ip, 0);
    }

    /**
     * Whether IP, subnet or gateway in the config changed since the last call: then write them
     * to the chip ({@code W5500.writeAddresses}). Reading clears it.
     */
    public boolean takeAddressChange() {
        boolean changed = addressChanged;
        addressChanged = false;
        return changed;
    }

    /** One of the {@code STATE_*} constants. */
    public int state() {
        return state;
    }

    /** Whether a lease is held (BOUND, RENEWING or REBINDING): the config's address is leased. */
    public boolean bound() {
        return state == STATE_BOUND || state == STATE_RENEWING || state == STATE_REBINDING;
    }

    /** Whether the static fallback address is in use because no server answered. */
    public boolean usingFallback() {
        return usingFallback;
    }

    /** Whether the config holds an address the module can be reached on (leased or fallback). */
    public boolean hasAddress() {
        return bound() || usingFallback;
    }

    /** The lease in seconds ({@link DhcpReply#INFINITE} for an infinite one), 0 when not bound. */
    public long leaseSeconds() {
        return bound() ? leaseSeconds : 0;
    }

    /** Clock time the lease started (when its request was sent). */
    public long leaseStartedAt() {
        return boundAt;
    }

    /** Clock times of T1, T2 and expiry; {@code Long.MAX_VALUE} when not bound or infinite. */
    public long renewAt() {
        return t1At;
    }

    public long rebindAt() {
        return t2At;
    }

    public long leaseExpiresAt() {
        return expiresAt;
    }

    /** The leasing server's identifier (option 54), 0.0.0.0 when none. */
    public void serverId(byte[] dst, int off) {
        DhcpMessage.ipToBytes(bound() ? serverId : 0, dst, off);
    }

    /** The first DNS server offered (option 6), 0.0.0.0 when none. */
    public void dns(byte[] dst, int off) {
        DhcpMessage.ipToBytes(dns, dst, off);
    }

    /** Messages handed to the chip since construction. */
    public int transmissions() {
        return transmissions;
    }

    public int leasesObtained() {
        return leasesObtained;
    }

    public int naksReceived() {
        return naksReceived;
    }

    /** Datagrams on the DHCP port that were not a usable reply to the current exchange. */
    public int ignoredReplies() {
        return ignoredReplies;
    }

    /** Why the last ignored datagram was ignored: a {@link DhcpReply} code ({@link DhcpReply#describe}). */
    public int lastIgnoredReason() {
        return lastIgnoredReason;
    }

    public static String describeState(int state) {
        switch (state) {
            case STATE_STOPPED:
                return "stopped";
            case STATE_INIT:
                return "INIT";
            case STATE_SELECTING:
                return "SELECTING";
            case STATE_REQUESTING:
                return "REQUESTING";
            case STATE_BOUND:
                return "BOUND";
            case STATE_RENEWING:
                return "RENEWING";
            case STATE_REBINDING:
                return "REBINDING";
            default:
                return "unknown";
        }
    }
}
