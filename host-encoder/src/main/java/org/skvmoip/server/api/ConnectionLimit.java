package org.skvmoip.server.api;

import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;

/** Bounds the connections open at once, so a flood of them cannot exhaust memory or file descriptors. */
final class ConnectionLimit {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimit(int max) {
        this.max = max;
    }

    /** Counts {@code channel} until it closes; false (and not counted) when the bound is reached. */
    boolean admit(Channel channel) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            return false;
        }
        channel.closeFuture().addListener(f -> open.decrementAndGet());
        return true;
    }

    int open() {
        return open.get();
    }
}
