package org.skvmoip.client.video;

import java.util.function.Supplier;

/** Bounded waits for what another thread does. */
final class Poll {

    private Poll() {
    }

    /** The first non-null value {@code probe} returns within {@code millis}, or null. */
    static <T> T until(long millis, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(5);
        }
        return probe.get();
    }
}
