package org.skvmoip.protocol;

import java.util.Arrays;

import org.skvmoip.hal.Crypto;

/**
 * The server's end of the control connection (docs/protocol.md §3-§6), the mirror of
 * {@link ModuleSession}: waits for HELLO, adopts or authenticates the module as the caller
 * decides, checks the module's proof, then sends input and power messages and receives STATUS.
 * Written in the embedded subset so the firmware's tests and the host-encoder share one codec;
 * it allocates nothing after construction except in {@link #authenticate} (random nonce).
 *
 * <p>Use: {@link #open} once the TCP connection is up; {@link #feed} received bytes until
 * consumed; on {@link SessionEvent#HELLO} read {@link #moduleId}, {@link #isModuleAdopted} and
 * call {@link #authenticate} or {@link #adopt}; after {@link SessionEvent#AUTHENTICATED} use the
 * {@code send...} methods; write {@link #output()} to the socket; call {@link #tick} at
 * {@link #nextDeadline()}. A negative result from feed or tick means the session has ended.
 */
public final class ServerSession {

    private static final int AWAIT_HELLO = 1;
    private static final int HELLO_RECEIVED = 2;
    private static final int AWAIT_AUTH_OK = 3;
    private static final int AUTHENTICATED = 4;

    private final Crypto crypto;
    private final Channel channel;
    private final Handshake handshake;
    private final byte[] moduleId = new byte[Protocol.MODULE_ID_LENGTH];
    private final byte[] secret = new byte[Protocol.SECRET_LENGTH];
    private final byte[] seedMaterial = new byte[Protocol.SEED_MATERIAL_LENGTH];
    private final byte[] nonceM = new byte[Protocol.NONCE_LENGTH];
    private final byte[] nonceS = new byte[Protocol.NONCE_LENGTH];
    private final byte[] proof = new byte[Protocol.PROOF_LENGTH];
    private final byte[] sessionKey = new byte[Protocol.SESSION_KEY_LENGTH];
    private int firmwareVersion;
    private boolean moduleAdopted;
    private int state;

    public ServerSession(Crypto crypto) {
        this.crypto = crypto;
        this.channel = new Channel(crypto, Side.SERVER);
        this.handshake = new Handshake(crypto);
    }

    /** The connection to the module is up; the module speaks first. */
    public void open(long nowMillis) {
        channel.open(nowMillis);
        state = AWAIT_HELLO;
    }

    /**
     * Takes received bytes up to the end of one frame (see {@link #consumed()}) and acts on it.
     *
     * @return a {@link SessionEvent}, or a negative {@link ProtocolError} code: the session has ended
     */
    public int feed(byte[] src, int off, int len, long nowMillis) {
        int received = channel.receive(src, off, len, nowMillis);
        if (received != FrameDecoder.FRAME) {
            return received;
        }
        int type = channel.decoder.type();
        if (type == MessageType.ERROR) {
            return channel.fail(ProtocolError.PEER_ERROR, peerErrorCode());
        }
        switch (state) {
            case AWAIT_HELLO:
                return type == MessageType.HELLO ? hello() : refuse(type);
            case AWAIT_AUTH_OK:
                return type == MessageType.AUTH_OK ? checkModuleProof() : refuse(type);
            case AUTHENTICATED:
                return session(type);
            default:
                return refuse(type);
        }
    }

    public int consumed() {
        return channel.consumed();
    }

    /** After HELLO from an adopted module: proves the server knows {@code secret}; queues AUTH. */
    public int authenticate(byte[] moduleSecret, int off) {
        if (state != HELLO_RECEIVED) {
            return ProtocolError.UNEXPECTED_MESSAGE;
        }
        if (!moduleAdopted) {
            return ProtocolError.NOT_ADOPTED;
        }
        return sendAuth(moduleSecret, off);
    }

    /**
     * After HELLO from a module without a secret: gives it {@code newSecret} and fresh seed
     * material for its random generator (from this side's {@link Crypto#randomBytes}), then
     * authenticates with the secret.
     */
    public int adopt(byte[] newSecret, int off) {
        if (state != HELLO_RECEIVED) {
            return ProtocolError.UNEXPECTED_MESSAGE;
        }
        if (moduleAdopted) {
            return ProtocolError.ALREADY_ADOPTED;
        }
        crypto.randomBytes(seedMaterial, 0, Protocol.SEED_MATERIAL_LENGTH);
        int queued = channel.queued(channel.encoder.adopt(channel.output(), channel.outputEnd(), newSecret, off,
                seedMaterial, 0));
        Arrays.fill(seedMaterial, (byte) 0);
        if (queued < 0) {
            return queued;
        }
        moduleAdopted = true;
        return sendAuth(newSecret, off);
    }

    public int tick(long nowMillis) {
        return channel.tick(nowMillis);
    }

    public long nextDeadline() {
        return channel.nextDeadline();
    }

    public void close() {
        channel.close();
    }

    /** Ends the session for a reason of the server's own (e.g. {@link ProtocolError#WRONG_MODULE}), telling the module. */
    public int end(int code, int detail) {
        return channel.fail(code, detail);
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    public boolean isAuthenticated() {
        return channel.isAuthenticated() && state == AUTHENTICATED;
    }

    // What HELLO said

    public void moduleId(byte[] dst, int off) {
        System.arraycopy(moduleId, 0, dst, off, Protocol.MODULE_ID_LENGTH);
    }

    public int firmwareVersion() {
        return firmwareVersion;
    }

    public boolean isModuleAdopted() {
        return moduleAdopted;
    }

    // The last message (STATUS); valid until the next feed

    public int messageType() {
        return channel.decoder.type();
    }

    public byte[] messageBuffer() {
        return channel.decoder.buffer();
    }

    public int messageOffset() {
        return channel.decoder.payloadOffset();
    }

    public int messageLength() {
        return channel.decoder.payloadLength();
    }

    // Sending: each returns the frame length queued, or an error that leaves the session open

    public int sendKeyboard(int modifiers, byte[] usages, int usagesOff, int count) {
        return isAuthenticated() ? channel.queued(channel.encoder.keyboard(channel.output(), channel.outputEnd(),
                modifiers, usages, usagesOff, count)) : ProtocolError.NOT_AUTHENTICATED;
    }

    public int sendMouseRelative(int buttons, int dx, int dy, int wheel, int hwheel) {
        return isAuthenticated() ? channel.queued(channel.encoder.mouseRelative(channel.output(), channel.outputEnd(),
                buttons, dx, dy, wheel, hwheel)) : ProtocolError.NOT_AUTHENTICATED;
    }

    public int sendMouseAbsolute(int buttons, int x, int y, int wheel, int hwheel) {
        return isAuthenticated() ? channel.queued(channel.encoder.mouseAbsolute(channel.output(), channel.outputEnd(),
                buttons, x, y, wheel, hwheel)) : ProtocolError.NOT_AUTHENTICATED;
    }

    public int sendPower(int action) {
        return isAuthenticated() ? channel.queued(channel.encoder.power(channel.output(), channel.outputEnd(),
                action)) : ProtocolError.NOT_AUTHENTICATED;
    }

    public int sendReleaseAll() {
        return sendEmpty(MessageType.RELEASE_ALL);
    }

    public int sendStatusRequest() {
        return sendEmpty(MessageType.STATUS_REQUEST);
    }

    public int sendKeepAlive() {
        return sendEmpty(MessageType.KEEPALIVE);
    }

    /** The module's next handshakes use {@code newSecret} once it answers SECRET_CHANGED; this session goes on. */
    public int sendSetSecret(byte[] newSecret, int off) {
        return isAuthenticated() ? channel.queued(channel.encoder.secret(channel.output(), channel.outputEnd(),
                MessageType.SET_SECRET, newSecret, off)) : ProtocolError.NOT_AUTHENTICATED;
    }

    /**
     * Queues an authenticated frame of any type and payload, checking nothing: for tests that
     * show the module refusing what the public methods would never send.
     */
    int sendUnchecked(int type, byte[] payload, int off, int len) {
        if (!isAuthenticated()) {
            return ProtocolError.NOT_AUTHENTICATED;
        }
        byte[] out = channel.output();
        int at = channel.outputEnd();
        if (out.length - at < channel.encoder.frameLength(len)) {
            return ProtocolError.OUTPUT_FULL;
        }
        System.arraycopy(payload, off, out, at + channel.encoder.payloadOffset(), len);
        return channel.queued(channel.encoder.seal(out, at, type, len));
    }

    public byte[] output() {
        return channel.output();
    }

    public int outputLength() {
        return channel.outputEnd();
    }

    public void outputSent(int count) {
        channel.outputSent(count);
    }

    private int sendEmpty(int type) {
        return isAuthenticated() ? channel.queued(channel.encoder.empty(channel.output(), channel.outputEnd(), type))
                : ProtocolError.NOT_AUTHENTICATED;
    }

    private int hello() {
        byte[] frame = channel.decoder.buffer();
        int p = channel.decoder.payloadOffset();
        System.arraycopy(frame, p + Hello.MODULE_ID, moduleId, 0, Protocol.MODULE_ID_LENGTH);
        System.arraycopy(frame, p + Hello.NONCE, nonceM, 0, Protocol.NONCE_LENGTH);
        firmwareVersion = Hello.firmwareVersion(frame, p);
        moduleAdopted = Hello.isAdopted(frame, p);
        state = HELLO_RECEIVED;
        return SessionEvent.HELLO;
    }

    private int sendAuth(byte[] moduleSecret, int off) {
        System.arraycopy(moduleSecret, off, secret, 0, Protocol.SECRET_LENGTH);
        crypto.randomBytes(nonceS, 0, Protocol.NONCE_LENGTH);
        handshake.serverProof(secret, nonceM, nonceS, moduleId, proof, 0);
        int queued = channel.queued(channel.encoder.auth(channel.output(), channel.outputEnd(), nonceS, 0, proof, 0));
        if (queued < 0) {
            return queued;
        }
        state = AWAIT_AUTH_OK;
        return queued;
    }

    private int checkModuleProof() {
        handshake.moduleProof(secret, nonceM, nonceS, moduleId, proof, 0);
        if (!Bytes.constantTimeEquals(proof, 0, channel.decoder.buffer(), channel.decoder.payloadOffset(),
                Protocol.PROOF_LENGTH)) {
            return channel.fail(ProtocolError.AUTH_FAILED, 0);
        }
        handshake.sessionKey(secret, nonceM, nonceS, moduleId, sessionKey, 0);
        channel.authenticate(sessionKey);
        state = AUTHENTICATED;
        return SessionEvent.AUTHENTICATED;
    }

    private int session(int type) {
        switch (type) {
            case MessageType.KEEPALIVE:
                return SessionEvent.HANDLED;
            case MessageType.SECRET_CHANGED:
                return SessionEvent.SECRET_CHANGED;
            case MessageType.STATUS:
                return SessionEvent.MESSAGE;
            default:
                return refuse(type);
        }
    }

    private int refuse(int type) {
        if (state != AUTHENTICATED && !MessageType.isHandshake(type)) {
            return channel.fail(ProtocolError.NOT_AUTHENTICATED, type);
        }
        return channel.fail(ProtocolError.UNEXPECTED_MESSAGE, type);
    }

    private int peerErrorCode() {
        return ErrorPayload.code(channel.decoder.buffer(), channel.decoder.payloadOffset());
    }
}
