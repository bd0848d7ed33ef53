package org.skvmoip.hal;

/**
 * The platform's cryptography: HMAC-SHA256 (RFC 2104 with FIPS 180-4 SHA-256) and random bytes.
 * The firmware never implements a primitive itself.
 *
 * <p>Device: static SNI natives over mbedTLS ({@code mbedtls_md_hmac} with
 * {@code MBEDTLS_MD_SHA256}; {@code mbedtls_ctr_drbg_random}), primitive arrays in, nothing kept
 * on the C side between calls except the DRBG's state. The STM32F401 has no hardware RNG, so the
 * binding seeds the DRBG from a seed the firmware keeps in flash and rewrites at every boot
 * ({@link #startRandom}), mixed with ADC noise and with material from the server at adoption
 * ({@link #mixSeed}); docs/security.md says what each part gives. Simulator: the JDK
 * ({@code JdkCrypto}).
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

    /**
     * Fills {@code out[off .. off + len)} with cryptographically strong random bytes.
     *
     * @throws IllegalStateException on a platform that keeps its seed in flash, while the seed
     *         from {@link #startRandom} is not stored ({@link #nextSeedStored})
     */
    void randomBytes(byte[] out, int off, int len);

    /** Bytes of the seed the random generator keeps across boots. */
    int SEED_LENGTH = 32;

    /**
     * Starts the random generator at boot from {@code stored} (the seed the last boot left in
     * flash: any {@link #SEED_LENGTH} bytes, the erased state of a new module included) and the
     * platform's own noise, and writes into {@code next} the seed the next boot must start from;
     * {@code stored} and {@code next} may be the same range. Until the caller has that seed in
     * flash and says so with {@link #nextSeedStored}, {@link #randomBytes} refuses: so no two
     * boots that hand out random bytes start from the same seed, wherever the power is cut.
     */
    void startRandom(byte[] stored, int storedOff, byte[] next, int nextOff);

    /** The seed from {@link #startRandom} or {@link #mixSeed} is in flash. */
    void nextSeedStored();

    /**
     * Adds {@code material[off .. off + len)} (at most 256 bytes: seed material from the server)
     * to the generator's state; it never replaces what the generator has, so material an
     * attacker chose or read cannot make it weaker. Writes a new seed for the next boot, which
     * includes the material, into {@code next}: store it as after {@link #startRandom}.
     */
    void mixSeed(byte[] material, int off, int len, byte[] next, int nextOff);
}
