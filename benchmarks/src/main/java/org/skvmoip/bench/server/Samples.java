package org.skvmoip.bench.server;

import java.util.Arrays;

/** Measurements (microseconds, as a rule) collected one by one, read back as percentiles. */
public final class Samples {

    private long[] values = new long[1024];
    private int count;

    public synchronized void add(long value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = value;
    }

    public synchronized int count() {
        return count;
    }

    /** The value {@code percent} of the samples are at or below; 0 without samples. */
    public synchronized long p(int percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, count * percent / 100)];
    }

    public synchronized long max() {
        return count == 0 ? 0 : Arrays.stream(values, 0, count).max().getAsLong();
    }

    /** Milliseconds with one decimal, for tables. */
    public String ms(int percent) {
        return String.format("%.1f ms", p(percent) / 1e3);
    }
}
