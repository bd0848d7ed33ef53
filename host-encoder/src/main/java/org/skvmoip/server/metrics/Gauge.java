package org.skvmoip.server.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** A value that goes up and down (viewers, link state), set by whoever knows it. */
public final class Gauge {

    private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0));

    public void set(double value) {
        bits.set(Double.doubleToLongBits(value));
    }

    public void inc() {
        add(1);
    }

    public void dec() {
        add(-1);
    }

    public void add(double amount) {
        bits.updateAndGet(current -> Double.doubleToLongBits(Double.longBitsToDouble(current) + amount));
    }

    public double value() {
        return Double.longBitsToDouble(bits.get());
    }
}
