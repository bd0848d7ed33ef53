package org.skvmoip.firmware.atx;

/**
 * The motherboard's HDD activity LED, sampled by {@link FrontPanel#poll}. The LED flickers in
 * pulses of a few milliseconds, too short to report one by one, so activity is reported as a
 * level: active when the LED was lit at any sample in the last {@link #WINDOW_MILLIS}.
 */
public final class HddActivityMonitor {

    /** Long enough that a busy disk reads as one steady "active", short enough to look live. */
    public static final int WINDOW_MILLIS = 500;

    private boolean everLit;
    private long lastLitAt;
    private boolean active;

    /** Takes one sample; returns whether {@link #isActive()} changed. */
    boolean sample(boolean lit, long nowMillis) {
        if (lit) {
            everLit = true;
            lastLitAt = nowMillis;
        }
        boolean next = everLit && nowMillis - lastLitAt < WINDOW_MILLIS;
        boolean changed = next != active;
        active = next;
        return changed;
    }

    /** No window running: until the LED lights again there is nothing to sample. */
    boolean settled() {
        return !active;
    }

    /** Whether the disk was active within the last window. */
    public boolean isActive() {
        return active;
    }
}
