package org.skvmoip.client.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to reconnect a lost socket or retry a failed request: {@link #FIRST} doubling up to
 * {@link #MAX}, each delay spread by up to {@link #JITTER} either way so that the viewers of a
 * restarted server do not all come back in the same millisecond; and which failures are worth
 * retrying at all (a wrong password or a changed certificate will not fix itself).
 * Not thread-safe: one per connection.
 */
public final class ReconnectPolicy {

    public static final Duration FIRST = Duration.ofMillis(250);
    public static final Duration MAX = Duration.ofSeconds(10);
    public static final double JITTER = 0.2;

    private final DoubleSupplier random;
    private long nextMillis = FIRST.toMillis();

    public ReconnectPolicy() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform in [0, 1) */
    public ReconnectPolicy(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait before the next attempt; the one after is twice as long, up to {@link #MAX}. */
    public Duration nextDelay() {
        long base = nextMillis;
        nextMillis = Math.min(MAX.toMillis(), nextMillis * 2);
        return Duration.ofMillis(Math.round(base * (1 + JITTER * (2 * random.getAsDouble() - 1))));
    }

    /** As {@link #nextDelay()}, but never shorter than the server asked for (Retry-After). */
    public Duration nextDelay(ClientException failure) {
        Duration delay = nextDelay();
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        return asked.compareTo(delay) > 0 ? asked : delay;
    }

    /** Connected: the next loss retries quickly again. */
    public void connected() {
        nextMillis = FIRST.toMillis();
    }

    /**
     * Whether trying again may succeed: connection losses, a busy or restarting server, an
     * offline module, yes; refused credentials, an unknown machine, an untrusted certificate or a
     * request the server cannot read, no (ask the user instead).
     */
    public static boolean worthRetrying(ClientException failure) {
        switch (failure.kind()) {
            case CONNECTION:
                return true;
            case UNTRUSTED:
            case PROTOCOL:
                return false;
            default:
                int status = failure.status();
                return status == 408 || status == 429 || status >= 500;
        }
    }

    /**
     * Whether a socket closed with {@code code} is worth reopening: the connection broke (1006), the
     * server went away or timed us out (1001), could not start the stream (1011) or was busy (1013);
     * not when this client closed it (1000) or the server refused what it sent (1003, 1008, 1009).
     */
    public static boolean worthReopening(int code) {
        return code == 1001 || code == 1006 || code == 1011 || code == 1012 || code == 1013 || code == 1014;
    }
}
