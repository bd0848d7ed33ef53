package org.skvmoip.hal;

/**
 * The main loop's one place to sleep: until some peripheral interrupt (the W5500's INTn, the USB
 * core) may need service, or a deadline. After a wake-up the loop polls every source; a
 * spurious wake-up costs one pass and nothing else.
 *
 * <p>Device: {@code Stm32Natives.eventAwait(deadline)} suspends the calling Java thread with
 * {@code SNI_suspendCurrentJavaThread}; the EXTI (W5500 INTn, the front-panel LEDs) and OTG_FS
 * interrupt handlers resume it. An interrupt that arrives before the suspension sets a pending flag that the next
 * call consumes at once, so no event is lost between a poll and the sleep.
 */
public interface Events {

    /** Returns when an interrupt has arrived since the last call, or at {@code deadlineMillis}. */
    void await(long deadlineMillis);
}
