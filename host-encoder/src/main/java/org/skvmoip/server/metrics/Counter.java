package org.skvmoip.server.metrics;

import java.util.concurrent.atomic.DoubleAdder;

/** A count that only grows (frames, bytes, seconds); cheap to bump from many threads. */
public final class Counter {

    private final DoubleAdder value = new DoubleAdder();

    public void inc() {
        value.add(1);
    }

    public void add(double amount) {
        if (!(amount >= 0)) {
            throw new IllegalArgumentException("a counter only grows; cannot add " + amount);
        }
        value.add(amount);
    }

    public double value() {
        return value.sum();
    }
}
