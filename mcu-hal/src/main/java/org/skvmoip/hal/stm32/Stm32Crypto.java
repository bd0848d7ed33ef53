package org.skvmoip.hal.stm32;

import org.skvmoip.hal.Crypto;

/**
 * The Crypto service on the device: mbedTLS's HMAC-SHA256 and CTR_DRBG through SNI
 * (src/main/c/skvm_crypto.c). A failure here means the library is broken or the seed could not
 * be gathered; the firmware cannot authenticate anything then, so it is an error, not a code.
 */
public final class Stm32Crypto implements Crypto {

    public Stm32Crypto() {
        check(Stm32Natives.cryptoInit(), "set-up");
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

    private static void check(int result, String what) {
        if (result != 0) {
            throw new IllegalStateException("mbedTLS failed in " + what + " with error " + result);
        }
    }
}
