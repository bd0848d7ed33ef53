package org.skvmoip.sim.stm32.host;

/**
 * Natives of a test's own C (src/test/c/probe_natives.c) on the host binding: the bridge, the
 * bus, SNI suspension and interrupt delivery checked without the device's drivers.
 */
final class ProbeNatives {

    private ProbeNatives() {
    }

    /** A C global's next value: each board's copy of the C counts on its own. */
    static native int nextCount();

    static native int read(int address);

    static native void write(int address, int value);

    /** Asks SNI to suspend the caller until resumed or {@code timeoutMillis}; returns the caller's SNI id. */
    static native int suspend(long timeoutMillis);

    static native void resume(int threadId);

    /** Writes {@code value} into dst[off..off+len) and returns the sum of src[0..len) (arrays may be the same). */
    static native int fill(byte[] src, byte[] dst, int off, int len, byte value);

    /** Times the EXTI0 handler ran. */
    static native int exti0Count();

    /** Arms EXTI0 (rising edge on port A, NVIC enabled) and makes the handler resume {@code threadId}. */
    static native void armExti0(int threadId);

    /** Runs irq_save, a software trigger of EXTI0 (SWIER), and returns the handler count before irq_restore. */
    static native int triggerMasked();

    static native long millis();
}
