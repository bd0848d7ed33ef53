package org.skvmoip.firmware.atx;

/**
 * The motherboard's power LED, sampled by {@link FrontPanel#poll}: debounced, and told apart
 * as steady on, steady off, or blinking (many boards blink it in the S3 sleep state, about
 * 0.5 to 2 Hz; a "breathing" LED reaches the input as a fast on/off pattern, which the
 * debounce turns into slower transitions that also read as blinking).
 */
public final class PowerLedMonitor {

    public static final int OFF = 0;
    public static final int ON = 1;
    public static final int BLINKING = 2;

    /**
     * A new level is believed after this many equal samples in a row: at the panel's sample
     * period that is 30 ms, longer than contact and crosstalk glitches on the header cable,
     * far shorter than any real state change.
     */
    public static final int STABLE_SAMPLES = 3;
    /**
     * Three debounced changes within this long mean blinking: a sleep blink has both its halves
     * well under it, while powering on or off is one change followed by a steady level (even a
     * quick on-then-off is only two). It is also how long a steady level takes to replace a
     * blinking report.
     */
    public static final int BLINK_WINDOW_MILLIS = 3000;

    private boolean stableLevel;
    private boolean candidateLevel;
    private int candidateCount;
    /** Debounced changes seen so far, counted up to 3 (all the blink test needs). */
    private int changes;
    private long lastChangeAt;
    private long secondLastChangeAt;
    private long thirdLastChangeAt;
    private int state = OFF;

    /** Takes one sample; returns whether {@link #state()} changed. */
    boolean sample(boolean lit, long nowMillis) {
        if (lit == candidateLevel) {
            if (candidateCount < STABLE_SAMPLES) {
                candidateCount++;
            }
        } else {
            candidateLevel = lit;
            candidateCount = 1;
        }
        if (candidateCount >= STABLE_SAMPLES && candidateLevel != stableLevel) {
            stableLevel = candidateLevel;
            if (changes < 3) {
                changes++;
            }
            thirdLastChangeAt = secondLastChangeAt;
            secondLastChangeAt = lastChangeAt;
            lastChangeAt = nowMillis;
        }
        return updateState(nowMillis);
    }

    private boolean updateState(long nowMillis) {
        int next;
        if (changes == 3 && nowMillis - thirdLastChangeAt <= BLINK_WINDOW_MILLIS) {
            next = BLINKING;
        } else {
            // While blinking, keep saying so until a level has held for a whole window.
            next = state == BLINKING && nowMillis - lastChangeAt <= BLINK_WINDOW_MILLIS
                    ? BLINKING
                    : stableLevel ? ON : OFF;
        }
        boolean changed = next != state;
        state = next;
        return changed;
    }

    /**
     * Nothing left to time: the level is debounced and the LED is not blinking. Only a change of
     * the input can change the state now, so sampling may wait for the line's edge.
     */
    boolean settled() {
        return candidateLevel == stableLevel && candidateCount >= STABLE_SAMPLES && state != BLINKING;
    }

    /** {@link #OFF}, {@link #ON} or {@link #BLINKING}. */
    public int state() {
        return state;
    }

    /** The debounced level, blinking or not: whether the LED is lit now. */
    public boolean isLit() {
        return stableLevel;
    }

    /** A name for logs and status pages; no allocation. */
    public static String describe(int state) {
        switch (state) {
            case ON:
                return "on";
            case BLINKING:
                return "blinking (sleeping)";
            default:
                return "off";
        }
    }
}
