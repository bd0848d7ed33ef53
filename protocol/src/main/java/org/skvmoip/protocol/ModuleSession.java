package org.skvmoip.protocol;

import org.skvmoip.hal.Crypto;

/**
 * The module's end of the control connection (docs/protocol.md §3-§7): says HELLO, accepts
 * ADOPT while it has no secret, checks the server's proof, proves itself, then checks every
 * frame's tag and sequence number and hands the firmware one verified message at a time.
 *
 * <p>Use, per connection: {@link #open} when the server connects, then send
 * {@link #output()} (the HELLO); on every batch of received bytes call {@link #feed} until they
 * are all {@linkplain #consumed() consumed}, acting on each event; call {@link #tick} at
 * {@link #nextDeadline()}. A negative result means the session has ended: send the output (an
 * ERROR frame), close the connection and <b>release every key, mouse button and front-panel
 * button</b> (§7). Allocates nothing after construction except in {@link #open}, where the
 * platform's random source may.
 */
public final class ModuleSession {

    private static final int AWAIT_AUTH = 1;
    private static final int AUTHENTICATED = 2;

    private final Crypto crypto;
    private final Channel channel;
    private final Handshake handshake;
    private final byte[] moduleId = new byte[Protocol.MODULE_ID_LENGTH];
    private final int firmwareVersion;
    private final byte[] secret = new byte[Protocol.SECRET_LENGTH];
    private final byte[] seedMaterial = new byte[Protocol.SEED_MATERIAL_LENGTH];
    private final byte[] nonceM = new byte[Protocol.NONCE_LENGTH];
    private final byte[] nonceS = new byte[Protocol.NONCE_LENGTH];
    private final byte[] proof = new byte[Protocol.PROOF_LENGTH];
    private final byte[] sessionKey = new byte[Protocol.SESSION_KEY_LENGTH];
    private boolean adopted;
    private int state;

    /**
     * @param moduleId        12 bytes: the MCU's unique device id
     * @param firmwareVersion major &lt;&lt; 8 | minor, as HELLO and ANNOUNCE carry it
     */
    public ModuleSession(Crypto crypto, byte[] moduleId, int moduleIdOff, int firmwareVersion) {
        this.crypto = crypto;
        this.channel = new Channel(crypto, Side.MODULE);
        this.handshake = new Handshake(crypto);
        System.arraycopy(moduleId, moduleIdOff, this.moduleId, 0, Protocol.MODULE_ID_LENGTH);
        this.firmwareVersion = firmwareVersion;
    }

    /** The secret from the config page at start-up: the module is adopted. */
    public void setSecret(byte[] source, int off) {
        System.arraycopy(source, off, secret, 0, Protocol.SECRET_LENGTH);
        adopted = true;
    }

    /** Factory reset: no secret, the next server may ADOPT the module. Ends any session. */
    public void forgetSecret() {
        java.util.Arrays.fill(secret, (byte) 0);
        java.util.Arrays.fill(seedMaterial, (byte) 0);
        adopted = false;
        close();
    }

    public boolean isAdopted() {
        return adopted;
    }

    /** Copies the secret out, to be stored after {@link SessionEvent#ADOPTED} or {@link SessionEvent#SECRET_CHANGED}. */
    public void copySecret(byte[] dst, int off) {
        System.arraycopy(secret, 0, dst, off, Protocol.SECRET_LENGTH);
    }

    /**
     * After {@link SessionEvent#ADOPTED}: copies out the seed material the server sent with the
     * secret, for the random generator to mix in, and forgets it here.
     */
    public void takeSeedMaterial(byte[] dst, int off) {
        System.arraycopy(seedMaterial, 0, dst, off, Protocol.SEED_MATERIAL_LENGTH);
        java.util.Arrays.fill(seedMaterial, (byte) 0);
    }

    /** A server connected: a fresh nonce, and HELLO queued in {@link #output()}. */
    public void open(long nowMillis) {
        channel.open(nowMillis);
        crypto.randomBytes(nonceM, 0, Protocol.NONCE_LENGTH);
        channel.queued(channel.encoder.hello(channel.output(), channel.outputEnd(), moduleId, 0, firmwareVersion,
                adopted, nonceM, 0));
        state = AWAIT_AUTH;
    }

    /**
     * Takes received bytes up to the end of one frame (see {@link #consumed()}) and acts on it.
     *
     * @return a {@link SessionEvent}, or a negative {@link ProtocolError} code: the session has
     *         ended, release everything
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
        if (state == AWAIT_AUTH) {
            return handshakeStep(type);
        }
        switch (type) {
            case MessageType.KEEPALIVE:
                return SessionEvent.HANDLED;
            case MessageType.SET_SECRET:
                System.arraycopy(channel.decoder.buffer(), channel.decoder.payloadOffset(), secret, 0,
                        Protocol.SECRET_LENGTH);
                return SessionEvent.SECRET_CHANGED;
            case MessageType.ADOPT:
            case MessageType.AUTH:
                return channel.fail(ProtocolError.UNEXPECTED_MESSAGE, type);
            default:
                return SessionEvent.MESSAGE;
        }
    }

    /** Bytes taken by the last {@link #feed}; feed the rest again. */
    public int consumed() {
        return channel.consumed();
    }

    /** Keep-alive and timeouts; returns {@link SessionEvent#NONE} or the error that ended the session. */
    public int tick(long nowMillis) {
        return channel.tick(nowMillis);
    }

    /** When {@link #tick} must next run; {@code Long.MAX_VALUE} without a session. */
    public long nextDeadline() {
        return channel.nextDeadline();
    }

    /** The connection closed (or the firmware drops it): ends the session without a frame. */
    public void close() {
        channel.close();
    }

    /** Ends the session for a reason of the firmware's own, telling the server with ERROR. */
    public int end(int code, int detail) {
        return channel.fail(code, detail);
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    public boolean isAuthenticated() {
        return channel.isAuthenticated() && state == AUTHENTICATED;
    }

    // The last message ({@link SessionEvent#MESSAGE}); valid until the next feed.

    public int messageType() {
        return channel.decoder.type();
    }

    /** The buffer holding the message; read its fields with the payload classes, e.g. {@link Keyboard#usage}. */
    public byte[] messageBuffer() {
        return channel.decoder.buffer();
    }

    public int messageOffset() {
        return channel.decoder.payloadOffset();
    }

    public int messageLength() {
        return channel.decoder.payloadLength();
    }

    // Output

    /** Queues STATUS; returns the frame length or an error (the session goes on either way). */
    public int sendStatus(int flags, int keyboardLeds, int hddActivity) {
        if (!isAuthenticated()) {
            return ProtocolError.NOT_AUTHENTICATED;
        }
        return channel.queued(channel.encoder.status(channel.output(), channel.outputEnd(), flags, keyboardLeds,
                hddActivity));
    }

    /** Queues SECRET_CHANGED once the secret from SET_SECRET is stored. */
    public int acknowledgeSecret() {
        if (!isAuthenticated()) {
            return ProtocolError.NOT_AUTHENTICATED;
        }
        return channel.queued(channel.encoder.empty(channel.output(), channel.outputEnd(), MessageType.SECRET_CHANGED));
    }

    /** Bytes waiting to be sent start at index 0 of this buffer. */
    public byte[] output() {
        return channel.output();
    }

    public int outputLength() {
        return channel.outputEnd();
    }

    /** Drops the first {@code count} output bytes, which the socket accepted. */
    public void outputSent(int count) {
        channel.outputSent(count);
    }

    private int handshakeStep(int type) {
        byte[] frame = channel.decoder.buffer();
        int p = channel.decoder.payloadOffset();
        switch (type) {
            case MessageType.ADOPT:
                if (adopted) {
                    return channel.fail(ProtocolError.ALREADY_ADOPTED, 0);
                }
                System.arraycopy(frame, p + Adopt.SECRET, secret, 0, Protocol.SECRET_LENGTH);
                System.arraycopy(frame, p + Adopt.SEED_MATERIAL, seedMaterial, 0, Protocol.SEED_MATERIAL_LENGTH);
                adopted = true;
                return SessionEvent.ADOPTED;
            case MessageType.AUTH:
                if (!adopted) {
                    return channel.fail(ProtocolError.NOT_ADOPTED, 0);
                }
                return checkServerProof(frame, p);
            default:
                return channel.fail(ProtocolError.NOT_AUTHENTICATED, type);
        }
    }

    private int checkServerProof(byte[] frame, int p) {
        System.arraycopy(frame, p + Auth.NONCE, nonceS, 0, Protocol.NONCE_LENGTH);
        handshake.serverProof(secret, nonceM, nonceS, moduleId, proof, 0);
        if (!Bytes.constantTimeEquals(proof, 0, frame, p + Auth.PROOF, Protocol.PROOF_LENGTH)) {
            return channel.fail(ProtocolError.AUTH_FAILED, 0);
        }
        handshake.moduleProof(secret, nonceM, nonceS, moduleId, proof, 0);
        int queued = channel.queued(channel.encoder.authOk(channel.output(), channel.outputEnd(), proof, 0));
        if (queued < 0) {
            return channel.fail(queued, 0);
        }
        handshake.sessionKey(secret, nonceM, nonceS, moduleId, sessionKey, 0);
        channel.authenticate(sessionKey);
        state = AUTHENTICATED;
        return SessionEvent.AUTHENTICATED;
    }

    private int peerErrorCode() {
        return ErrorPayload.code(channel.decoder.buffer(), channel.decoder.payloadOffset());
    }
}
