package org.skvmoip.protocol;

/**
 * ADOPT payload (docs/protocol.md §4, §8), server → module, plain (there is no key yet).
 *
 * <pre>
 * 0..31   secret         the per-module secret K
 * 32..63  seed material  fresh bytes from the server's random generator, which the module mixes
 *                        into its own (it has no hardware RNG); never replaces what it has
 * </pre>
 *
 * Neither field may be all zeros: that is what an unset buffer holds. The seed material is a
 * part of its own so that a later adoption (key agreement instead of a secret in clear) keeps it.
 */
public final class Adopt {

    public static final int SECRET = 0;
    public static final int SEED_MATERIAL = Protocol.SECRET_LENGTH;
    public static final int LENGTH = SEED_MATERIAL + Protocol.SEED_MATERIAL_LENGTH;

    private Adopt() {
    }

    static int validate(byte[] buf, int p) {
        if (Bytes.isAllZero(buf, p + SECRET, Protocol.SECRET_LENGTH)
                || Bytes.isAllZero(buf, p + SEED_MATERIAL, Protocol.SEED_MATERIAL_LENGTH)) {
            return ProtocolError.BAD_FIELD;
        }
        return 0;
    }
}
