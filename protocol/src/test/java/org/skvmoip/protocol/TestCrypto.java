package org.skvmoip.protocol;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.skvmoip.hal.Crypto;

/**
 * The JDK's HMAC-SHA256 and a seeded random source, so that a failing fuzz case replays with
 * the same nonces. (The simulator's JdkCrypto is the allocation-free one; this module cannot
 * depend on the simulator.)
 */
final class TestCrypto implements Crypto {

    private final Random random;
    private final Mac mac;
    private int hmacCalls;

    TestCrypto(long seed) {
        this.random = new Random(seed);
        try {
            this.mac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int hmacCalls() {
        return hmacCalls;
    }

    @Override
    public void hmacSha256(byte[] key, int keyOff, int keyLen, byte[] data, int dataOff, int dataLen, byte[] out,
            int outOff) {
        hmacSha256Concat(key, keyOff, keyLen, data, dataOff, dataLen, data, dataOff, 0, out, outOff);
    }

    @Override
    public void hmacSha256Concat(byte[] key, int keyOff, int keyLen, byte[] a, int aOff, int aLen, byte[] b,
            int bOff, int bLen, byte[] out, int outOff) {
        hmacCalls++;
        try {
            mac.init(new SecretKeySpec(Arrays.copyOfRange(key, keyOff, keyOff + keyLen), "HmacSHA256"));
            mac.update(a, aOff, aLen);
            mac.update(b, bOff, bLen);
            mac.doFinal(out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void randomBytes(byte[] out, int off, int len) {
        for (int i = 0; i < len; i++) {
            out[off + i] = (byte) random.nextInt(256);
        }
    }

    @Override
    public void startRandom(byte[] stored, int storedOff, byte[] next, int nextOff) {
        randomBytes(next, nextOff, SEED_LENGTH);
    }

    @Override
    public void nextSeedStored() {
    }

    @Override
    public void mixSeed(byte[] material, int off, int len, byte[] next, int nextOff) {
        randomBytes(next, nextOff, SEED_LENGTH);
    }
}
