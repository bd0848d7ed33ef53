package org.skvmoip.hal;

/**
 * The platform's cryptography: HMAC-SHA256 (RFC 2104 with FIPS 180-4 SHA-256) and random bytes.
 * The firmware never implements a primitive itself.
 *
 * <p>Device: static SNI natives over mbedTLS ({@code mbedtls_md_hmac} with
 * {@code MBEDTLS_MD_SHA256}; {@code mbedtls_ctr_drbg_random}), primitive arrays in, nothing kept
 * on the C side between calls. The STM32F401 has no hardware RNG, so the binding seeds the DRBG
 * from ADC noise and clock jitter mixed with a seed kept in flash and rewritten at every boot.
 * Simulator: the JDK ({@code JdkCrypto}).
 *
 * <p>Calls must not allocate on the Java heap once a key has been seen (the protocol MACs every
 * frame with the same session key); {@link #randomBytes} is called only at session start.
 */
public interface Crypto {

    /** Bytes of an HMAC-SHA256 result. */
    int HMAC_SHA256_LENGTH = 32;

    /** Writes HMAC-SHA256(key, data) into {@code out[outOff .. outOff + 32)}. */
    void hmacSha256(byte[] key, int keyOff, int keyLen, byte[] data, int dataOff, int dataLen, byte[] out,
            int outOff);

    /**
     * Writes HMAC-SHA256(key, a || b) into {@code out[outOff .. outOff + 32)}: the MAC of two ranges
     * as if they were one message, so a frame can be MACed with a prefix without being copied.
     */
    void hmacSha256Concat(byte[] key, int keyOff, int keyLen, byte[] a, int aOff, int aLen, byte[] b, int bOff,
            int bLen, byte[] out, int outOff);

    /** Fills {@code out[off .. off + len)} with cryptographically strong random bytes. */
    void randomBytes(byte[] out, int off, int len);
}
