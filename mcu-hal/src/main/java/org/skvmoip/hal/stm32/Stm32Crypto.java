package org.skvmoip.hal.stm32;

import org.skvmoip.hal.Crypto;

/**
 * The Crypto service on the device: mbedTLS's HMAC-SHA256 and CTR_DRBG through SNI
 * (src/main/c/crypto/skvm_crypto.c). The DRBG's seed is the firmware's to keep in flash: see
 * {@link Crypto#startRandom}. A failure here means the library is broken, the ADC gives no
 * conversions or the seed is not stored; the firmware cannot authenticate anything then, so it
 * is an error, not a code.
 */
public final class Stm32Crypto implements Crypto {

    /** skvm_crypto.c's one code of its own (mbedTLS's are negative). */
    private static final int SEED_NOT_STORED = 1;

    public Stm32Crypto() {
        check(Stm32Natives.cryptoInit(), "set-up");
    }

    public void startRandom(byte[] stored, int storedOff, byte[] next, int nextOff) {
        checkSeedRange(stored, storedOff);
        checkSeedRange(next, nextOff);
        check(Stm32Natives.cryptoSeed(stored, storedOff, next, nextOff), "seeding the random generator");
    }

    public void nextSeedStored() {
        check(Stm32Natives.cryptoSeedStored(), "unlocking the random generator");
    }

    public void mixSeed(byte[] material, int off, int len, byte[] next, int nextOff) {
        if (off < 0 || len < 0 || len > material.length - off) {
            throw new IndexOutOfBoundsException("seed material outside its array");
        }
        checkSeedRange(next, nextOff);
        check(Stm32Natives.cryptoMix(material, off, len, next, nextOff), "mixing seed material");
    }

    public void hmacSha256(byte[] key, int keyOff, int keyLen, byte[] data, int dataOff, int dataLen, byte[] out,
            int outOff) {
        check(Stm32Natives.hmacSha256(key, keyOff, keyLen, data, dataOff, dataLen, null, 0, 0, out, outOff), "HMAC");
    }

    public void hmacSha256Concat(byte[] key, int keyOff, int keyLen, byte[] a, int aOff, int aLen, byte[] b, int bOff,
            int bLen, byte[] out, int outOff) {
        check(Stm32Natives.hmacSha256(key, keyOff, keyLen, a, aOff, aLen, b, bOff, bLen, out, outOff), "HMAC");
    }

    public void randomBytes(byte[] out, int off, int len) {
        check(Stm32Natives.randomBytes(out, off, len), "random bytes");
    }

    /** The C side copies exactly SEED_LENGTH bytes: a short array would be read past its end. */
    private static void checkSeedRange(byte[] seed, int off) {
        if (off < 0 || off > seed.length - SEED_LENGTH) {
            throw new IndexOutOfBoundsException("a seed is 32 bytes: the array ends before");
        }
    }

    private static void check(int result, String what) {
        if (result == SEED_NOT_STORED) {
            throw new IllegalStateException("no random bytes: this boot's new seed is not stored in flash yet");
        }
        if (result != 0) {
            throw new IllegalStateException("mbedTLS failed in " + what + " with error " + result);
        }
    }
}
