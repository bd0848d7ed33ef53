package org.skvmoip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A module session and a server session joined in memory, with a clock the test moves. Bytes
 * cross only when the test says so, so a test can hold, replay, reorder or damage them.
 */
final class SessionPair {

    static final byte[] MODULE_ID = {0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B};
    static final int FIRMWARE_VERSION = 0x0103;
    static final byte[] SECRET = filled(32, 0x5A);
    static final byte[] OTHER_SECRET = filled(32, 0x33);

    final TestCrypto crypto;
    final ModuleSession module;
    final ServerSession server;
    long now = 1_000;

    SessionPair(long seed) {
        crypto = new TestCrypto(seed);
        module = new ModuleSession(crypto, MODULE_ID, 0, FIRMWARE_VERSION);
        server = new ServerSession(crypto);
    }

    static SessionPair adopted(long seed) {
        SessionPair pair = new SessionPair(seed);
        pair.module.setSecret(SECRET, 0);
        return pair;
    }

    /** Opens both ends and runs HELLO → AUTH → AUTH_OK with {@code serverSecret}. */
    void handshake(byte[] serverSecret) {
        open();
        assertThat(toServer(takeModuleOutput())).containsExactly(SessionEvent.HELLO);
        assertThat(server.authenticate(serverSecret, 0)).isPositive();
        assertThat(toModule(takeServerOutput())).containsExactly(SessionEvent.AUTHENTICATED);
        assertThat(toServer(takeModuleOutput())).containsExactly(SessionEvent.AUTHENTICATED);
    }

    void handshake() {
        handshake(SECRET);
    }

    void open() {
        module.open(now);
        server.open(now);
    }

    byte[] takeServerOutput() {
        byte[] bytes = Arrays.copyOf(server.output(), server.outputLength());
        server.outputSent(bytes.length);
        return bytes;
    }

    byte[] takeModuleOutput() {
        byte[] bytes = Arrays.copyOf(module.output(), module.outputLength());
        module.outputSent(bytes.length);
        return bytes;
    }

    /** Feeds bytes to the module until all are taken or the session ends; the non-NONE results in order. */
    List<Integer> toModule(byte[] bytes) {
        return feed(bytes, true);
    }

    List<Integer> toServer(byte[] bytes) {
        return feed(bytes, false);
    }

    private List<Integer> feed(byte[] bytes, boolean toModule) {
        List<Integer> results = new ArrayList<>();
        int off = 0;
        while (off < bytes.length) {
            int result = toModule ? module.feed(bytes, off, bytes.length - off, now)
                    : server.feed(bytes, off, bytes.length - off, now);
            int consumed = toModule ? module.consumed() : server.consumed();
            if (result != SessionEvent.NONE) {
                results.add(result);
            }
            if (result < 0) {
                break;
            }
            assertThat(consumed).as("a feed that reports no error takes at least one byte").isPositive();
            off += consumed;
        }
        return results;
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int off = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, off, part.length);
            off += part.length;
        }
        return all;
    }
}
