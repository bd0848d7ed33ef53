package org.skvmoip.sim.board;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.skvmoip.hal.Crypto;

/**
 * The simulated board's {@link Crypto}: HMAC-SHA256 as RFC 2104 defines it over the JDK's
 * SHA-256 {@link MessageDigest}, and {@link SecureRandom}.
 *
 * <p>Why not {@code javax.crypto.Mac}: its {@code doFinal(byte[], int)} allocates the result
 * array on every call (48 bytes measured under {@code -Xint}), and the firmware MACs every frame;
 * {@code MessageDigest.digest(byte[], int, int)} allocates nothing. The hash is the JDK's; only
 * the two-pass HMAC construction is written here, and JdkCryptoTest checks it against
 * {@code javax.crypto.Mac} and the RFC 4231 test vectors. The pads are computed once per key and
 * kept for the last two keys (the secret during the handshake, then the session key).
 *
 * <p>One instance per simulated module; calls are synchronized, so sharing one is safe but slow.
 */
public final class JdkCrypto implements Crypto {

    private static final int BLOCK = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5C;
    private static final int SLOTS = 2;

    private final MessageDigest sha256;
    private final SecureRandom random;
    private final byte[][] keys = new byte[SLOTS][BLOCK];
    private final int[] keyLengths = {-1, -1};
    private final byte[][] innerPads = new byte[SLOTS][BLOCK];
    private final byte[][] outerPads = new byte[SLOTS][BLOCK];
    private final byte[] inner = new byte[HMAC_SHA256_LENGTH];
    private final byte[] randomChunk = new byte[BLOCK];
    private int nextSlot;

    public JdkCrypto() {
        this(new SecureRandom());
    }

    /** With a given random source, e.g. a seeded one for reproducible runs. */
    public JdkCrypto(SecureRandom random) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        this.random = random;
        // The JDK seeds a SecureRandom at its first use, allocating tens of KB: draw once now, so
        // that belongs to the simulated board, not to the firmware's start-up (which seeds its
        // generator with startRandom and is measured by the footprint probe).
        random.nextBytes(randomChunk);
    }

    @Override
    public void hmacSha256(byte[] key, int keyOff, int keyLen, byte[] data, int dataOff, int dataLen, byte[] out,
            int outOff) {
        hmacSha256Concat(key, keyOff, keyLen, data, dataOff, dataLen, data, dataOff, 0, out, outOff);
    }

    @Override
    public synchronized void hmacSha256Concat(byte[] key, int keyOff, int keyLen, byte[] a, int aOff, int aLen,
            byte[] b, int bOff, int bLen, byte[] out, int outOff) {
        int slot = slotFor(key, keyOff, keyLen);
        try {
            // RFC 2104 §2: H(K ^ opad, H(K ^ ipad, text))
            sha256.reset();
            sha256.update(innerPads[slot], 0, BLOCK);
            sha256.update(a, aOff, aLen);
            sha256.update(b, bOff, bLen);
            sha256.digest(inner, 0, HMAC_SHA256_LENGTH);
            sha256.update(outerPads[slot], 0, BLOCK);
            sha256.update(inner, 0, HMAC_SHA256_LENGTH);
            sha256.digest(out, outOff, HMAC_SHA256_LENGTH);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for 32 bytes at out[" + outOff + "]", e);
        }
    }

    @Override
    public synchronized void randomBytes(byte[] out, int off, int len) {
        for (int done = 0; done < len; done += BLOCK) {
            random.nextBytes(randomChunk);
            System.arraycopy(randomChunk, 0, out, off + done, Math.min(BLOCK, len - done));
        }
    }

    // SecureRandom needs no seed from flash: the firmware's seed handling runs against these
    // (the next seed is fresh random bytes), and material the server sends at adoption
    // supplements the generator's state, as SecureRandom.setSeed promises.

    @Override
    public void startRandom(byte[] stored, int storedOff, byte[] next, int nextOff) {
        randomBytes(next, nextOff, SEED_LENGTH);
    }

    @Override
    public void nextSeedStored() {
    }

    @Override
    public synchronized void mixSeed(byte[] material, int off, int len, byte[] next, int nextOff) {
        random.setSeed(Arrays.copyOfRange(material, off, off + len));
        randomBytes(next, nextOff, SEED_LENGTH);
    }

    /** The pad slot for this key, computing the pads when the key is new. */
    private int slotFor(byte[] key, int keyOff, int keyLen) {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (keyLengths[slot] == keyLen && Arrays.equals(keys[slot], 0, keyLen, key, keyOff, keyOff + keyLen)) {
                return slot;
            }
        }
        int slot = nextSlot;
        nextSlot = (nextSlot + 1) % SLOTS;
        byte[] block = new byte[BLOCK]; // a new key: once per session, not per frame
        if (keyLen > BLOCK) {
            // RFC 2104 §2: a key longer than the block is replaced by its hash.
            sha256.reset();
            sha256.update(key, keyOff, keyLen);
            System.arraycopy(sha256.digest(), 0, block, 0, HMAC_SHA256_LENGTH);
        } else {
            System.arraycopy(key, keyOff, block, 0, keyLen);
        }
        for (int i = 0; i < BLOCK; i++) {
            innerPads[slot][i] = (byte) (block[i] ^ IPAD);
            outerPads[slot][i] = (byte) (block[i] ^ OPAD);
        }
        keyLengths[slot] = keyLen;
        Arrays.fill(keys[slot], (byte) 0);
        if (keyLen <= BLOCK) {
            System.arraycopy(key, keyOff, keys[slot], 0, keyLen);
        } else {
            keyLengths[slot] = -1; // long keys are not cached; they are not used by the protocol
        }
        return slot;
    }
}
