package org.skvmoip.hal.stm32;

/**
 * The C side of the board, reached through MicroEJ SNI (Simple Native Interface): static native
 * methods with primitive and primitive-array parameters only, implemented in
 * {@code src/main/c/sni/} over the drivers of {@code src/main/c/drivers/} (the crypto ones in the
 * crypto binding). Nothing here calls back from C into Java objects; blocking
 * calls suspend only the calling green thread (SNI_suspendCurrentJavaThread).
 *
 * <p>On a desktop JVM these methods are unbound; the simulator supplies its own {@code Board}.
 */
final class Stm32Natives {

    private Stm32Natives() {
    }

    /**
     * Configures every pin of the board's wiring table (src/main/c/wiring.c: mode, pull, speed,
     * alternate function, the initial level of each output), SPI1, and the EXTI lines of W5500
     * INTn and the two front-panel LEDs. Idempotent.
     */
    static native void init();

    /**
     * One SPI frame on SPI1: drives {@code csPin} low, transfers {@code len} bytes, drives it
     * high. {@code rx} may be null to discard what is clocked in.
     */
    static native void spiTransfer(int csPin, byte[] tx, int txOff, byte[] rx, int rxOff, int len);

    /**
     * Drives an output pin of the wiring (encoded as {@code port * 16 + pin}, port A = 0); a pin
     * that the wiring does not make an output is left alone.
     */
    static native void gpioWrite(int pin, boolean high);

    /** The level of a pin of the wiring; false for a pin it does not use. */
    static native boolean gpioRead(int pin);

    /**
     * Arms the EXTI line of {@code pin} for its active edge ({@code activeLow}: falling) and,
     * unless the pin is already active or the deadline has passed, asks the VM to suspend the
     * calling Java thread (SNI_suspendCurrentJavaThread) until the edge's interrupt handler
     * resumes it or the platform time reaches {@code deadlineMillis}. SNI suspends the thread
     * when this method returns, so the caller re-reads the pin afterwards.
     */
    static native void irqSuspendUntil(int pin, boolean activeLow, long deadlineMillis);

    /**
     * Suspends the calling Java thread until an interrupt routed to the main loop (W5500 INTn on
     * EXTI1, the USB core) arrives or the platform time reaches {@code deadlineMillis}. An
     * interrupt that came since the last call ends the wait at once.
     */
    static native void eventAwait(long deadlineMillis);

    /** Sets up mbedTLS's HMAC context. Idempotent. Returns 0, or the negative mbedTLS error code. */
    static native int cryptoInit();

    /**
     * Seeds mbedTLS's CTR_DRBG from the 32-byte NV seed {@code stored}, the ADC noise and the
     * unique id, and writes the seed for the next boot into {@code next}; random bytes are
     * refused until {@link #cryptoSeedStored}. A second call starts the DRBG over. Returns 0, or
     * the negative mbedTLS error code (src/main/c/crypto/skvm_crypto.c).
     */
    static native int cryptoSeed(byte[] stored, int storedOff, byte[] next, int nextOff);

    /** The next seed is in flash: the DRBG may serve. 0, or an mbedTLS error before cryptoSeed. */
    static native int cryptoSeedStored();

    /**
     * Mixes up to 256 bytes of outside seed material into the entropy pool and the DRBG, and
     * writes a new next seed into {@code next}; 0 or a negative mbedTLS error.
     */
    static native int cryptoMix(byte[] material, int off, int len, byte[] next, int nextOff);

    /** HMAC-SHA256 of a then b (bLen 0: a alone) into out; 0 or a negative mbedTLS error. */
    static native int hmacSha256(byte[] key, int keyOff, int keyLen, byte[] a, int aOff, int aLen, byte[] b,
            int bOff, int bLen, byte[] out, int outOff);

    /**
     * Random bytes from the seeded CTR_DRBG; 0, a negative mbedTLS error, or 1 while the next
     * seed is not stored.
     */
    static native int randomBytes(byte[] out, int off, int len);

    /** Milliseconds since reset: MicroEJ's platform time (LLMJVM_IMPL_getCurrentTime, from the BSP). */
    static native long millis();

    /** Copies {@code len} bytes of the flash array at {@code address} into {@code dst} (32-bit reads). */
    static native void flashRead(int address, byte[] dst, int off, int len);

    /**
     * Unlocks the flash interface, erases sector {@code sector} (0-5 on the F401CC), locks it
     * again; returns whether FLASH_SR showed no error. Blocks for the erase (about 0.5 s for a
     * 16 KB sector): the core stalls on instruction fetches from flash meanwhile.
     */
    static native boolean flashEraseSector(int sector);

    /**
     * Programs {@code len} bytes at the word-aligned {@code address} (erased beforehand), 32 bits
     * at a time (PSIZE x32, valid at the module's 3.3 V); a last partial word is completed with
     * 0xFF, the erased value. False for an unaligned address or when a word did not program.
     */
    static native boolean flashProgram(int address, byte[] src, int off, int len);

    /** Copies the 12 bytes of the unique device id (0x1FFF7A10) into {@code dst}. */
    static native void uidRead(byte[] dst, int off);

    /** Starts the IWDG (or changes its timeout) with the prescaler and reload nearest {@code timeoutMillis}. */
    static native void iwdgStart(int timeoutMillis);

    /** Reloads the IWDG counter (key 0xAAAA). */
    static native void iwdgKick();
}
