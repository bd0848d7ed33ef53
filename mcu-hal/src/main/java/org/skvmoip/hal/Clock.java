package org.skvmoip.hal;

/**
 * Monotonic time. Device: {@code Stm32Natives.millis()}, MicroEJ's platform time as the BSP
 * provides it ({@code LLMJVM_IMPL_getCurrentTime}, the same time base as
 * {@code ej.bon.Util.platformTimeMillis()}), never set back.
 */
public interface Clock {

    /** Milliseconds since start-up; never goes backwards. */
    long millis();

    /**
     * Sleeps the calling thread for at least {@code millis} ms (other green threads run
     * meanwhile). Device: {@code Thread.sleep}, which MicroEJ maps to its scheduler.
     */
    void sleepMillis(long millis);
}
