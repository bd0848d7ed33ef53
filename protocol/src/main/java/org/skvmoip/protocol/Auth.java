package org.skvmoip.protocol;

/**
 * AUTH payload (docs/protocol.md §3), server → module. AUTH_OK's payload is a proof alone
 * ({@link Protocol#PROOF_LENGTH} bytes), SET_SECRET's a secret alone
 * ({@link Protocol#SECRET_LENGTH} bytes); ADOPT's is {@link Adopt}.
 *
 * <pre>
 * 0..15   nonceS       16 random bytes
 * 16..47  server proof HMAC-SHA256(secret, "srv" | nonceM | nonceS | module id)
 * </pre>
 */
public final class Auth {

    public static final int NONCE = 0;
    public static final int PROOF = 16;
    public static final int LENGTH = 48;

    private Auth() {
    }
}
