package org.skvmoip.server.stream;

/** Events per second over the last few events (encoded frames), zero when they have stopped. */
final class RateMeter {

    private static final int WINDOW = 32;
    /** Older than this and the last event no longer counts as "now". */
    private static final long STALE_NANOS = 2_000_000_000L;

    private final long[] times = new long[WINDOW];
    private int count;
    private int next;

    synchronized void record(long nanoTime) {
        times[next] = nanoTime;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    synchronized double perSecond(long now) {
        if (count < 2) {
            return 0;
        }
        long newest = times[(next - 1 + WINDOW) % WINDOW];
        long oldest = times[(next - count + WINDOW) % WINDOW];
        if (now - newest > STALE_NANOS || newest == oldest) {
            return 0;
        }
        return (count - 1) * 1e9 / (newest - oldest);
    }
}
