package org.skvmoip.protocol;

import org.skvmoip.hal.Crypto;

/**
 * The handshake's three HMAC-SHA256 values under the module secret (docs/protocol.md §3), each
 * over {@code label | nonce | nonce | module id} with a label of its own, so that no value can
 * stand in for another:
 * <ul>
 * <li>server proof = HMAC(secret, "srv" | nonceM | nonceS | id)</li>
 * <li>module proof = HMAC(secret, "mod" | nonceS | nonceM | id)</li>
 * <li>session key  = HMAC(secret, "key" | nonceM | nonceS | id)</li>
 * </ul>
 */
final class Handshake {

    private static final byte[] SERVER_LABEL = {'s', 'r', 'v'};
    private static final byte[] MODULE_LABEL = {'m', 'o', 'd'};
    private static final byte[] KEY_LABEL = {'k', 'e', 'y'};
    private static final int LABEL_LENGTH = 3;

    private final Crypto crypto;
    private final byte[] input = new byte[LABEL_LENGTH + 2 * Protocol.NONCE_LENGTH + Protocol.MODULE_ID_LENGTH];

    Handshake(Crypto crypto) {
        this.crypto = crypto;
    }

    void serverProof(byte[] secret, byte[] nonceM, byte[] nonceS, byte[] moduleId, byte[] out, int outOff) {
        derive(SERVER_LABEL, secret, nonceM, nonceS, moduleId, out, outOff);
    }

    void moduleProof(byte[] secret, byte[] nonceM, byte[] nonceS, byte[] moduleId, byte[] out, int outOff) {
        derive(MODULE_LABEL, secret, nonceS, nonceM, moduleId, out, outOff);
    }

    void sessionKey(byte[] secret, byte[] nonceM, byte[] nonceS, byte[] moduleId, byte[] out, int outOff) {
        derive(KEY_LABEL, secret, nonceM, nonceS, moduleId, out, outOff);
    }

    private void derive(byte[] label, byte[] secret, byte[] first, byte[] second, byte[] moduleId, byte[] out,
            int outOff) {
        System.arraycopy(label, 0, input, 0, LABEL_LENGTH);
        System.arraycopy(first, 0, input, LABEL_LENGTH, Protocol.NONCE_LENGTH);
        System.arraycopy(second, 0, input, LABEL_LENGTH + Protocol.NONCE_LENGTH, Protocol.NONCE_LENGTH);
        System.arraycopy(moduleId, 0, input, LABEL_LENGTH + 2 * Protocol.NONCE_LENGTH, Protocol.MODULE_ID_LENGTH);
        crypto.hmacSha256(secret, 0, Protocol.SECRET_LENGTH, input, 0, input.length, out, outOff);
    }
}
