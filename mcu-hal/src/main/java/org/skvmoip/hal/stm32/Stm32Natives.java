package org.skvmoip.hal.stm32;

/**
 * The C side of the board, reached through MicroEJ SNI (Simple Native Interface): static native
 * methods with primitive and primitive-array parameters only, implemented in
 * {@code src/main/c/skvm_natives.c}. Nothing here calls back from C into Java objects; blocking
 * calls suspend only the calling green thread (SNI_suspendCurrentJavaThread).
 *
 * <p>On a desktop JVM these methods are unbound; the simulator supplies its own {@code Board}.
 */
final class Stm32Natives {

    private Stm32Natives() {
    }

    /** Configures GPIO, SPI1 (and its DMA streams), EXTI and SysTick. Idempotent. */
    static native void init();

    /**
     * One SPI frame on SPI1: drives {@code csPin} low, transfers {@code len} bytes, drives it
     * high. {@code rx} may be null to discard what is clocked in.
     */
    static native void spiTransfer(int csPin, byte[] tx, int txOff, byte[] rx, int rxOff, int len);

    /** Writes a pin (encoded as {@code port * 16 + pin}, port A = 0). */
    static native void gpioWrite(int pin, boolean high);

    static native boolean gpioRead(int pin);

    /**
     * Suspends the calling Java thread until the EXTI line of {@code pin} sees its active edge
     * ({@code activeLow}: falling) or the platform time reaches {@code deadlineMillis}.
     *
     * @return whether the pin is at its active level on return
     */
    static native boolean irqAwait(int pin, boolean activeLow, long deadlineMillis);

    /** Milliseconds since reset, from SysTick. */
    static native long millis();
}
