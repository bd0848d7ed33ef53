package org.skvmoip.hal;

/**
 * An interrupt request line from a peripheral (for example the W5500's active-low INTn), which
 * the firmware can sleep on instead of polling.
 *
 * <p>Device: {@code Stm32Natives.irqSuspendUntil(pin, activeLow, deadline)} arms the pin's
 * EXTI line and suspends the calling Java thread with {@code SNI_suspendCurrentJavaThread};
 * the EXTI handler of the line's group in C resumes it. While every Java thread waits, the VM
 * leaves the core to the platform's idle hook (MicroEJ's BSP), so an idle module uses no CPU.
 * The level is re-checked after arming, so an edge that came before the wait is not lost.
 */
public interface InterruptLine {

    /** Whether the peripheral is requesting service now. */
    boolean isAsserted();

    /**
     * Waits until the line is asserted or the clock reaches {@code deadlineMillis}, whichever
     * comes first; returns at once when the line is already asserted.
     *
     * @return whether the line is asserted on return
     */
    boolean awaitAsserted(long deadlineMillis);
}
