package org.skvmoip.sim.gpio;

/**
 * One signal between the module board and the target machine (a front-panel header line):
 * a level, the listeners that react to it changing, and optionally a model that computes it.
 *
 * <p>A line driven by a time-based model (the target's power and HDD LEDs blink on their own)
 * gets a {@link #beforeRead} hook: the model catches up with its clock before each read, so the
 * reader sees the level of "now" with no ticker thread, under a manual clock too.
 */
public final class Wire {

    private final String name;
    private volatile boolean high;
    private volatile WireListener[] listeners = new WireListener[0];
    private volatile Runnable beforeRead;

    public Wire(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Drives the level; listeners hear of a change on the driving thread, in order added. */
    public void drive(boolean level) {
        if (level == high) {
            return;
        }
        high = level;
        // An array, not a collection: a driven pin is on the firmware's zero-allocation path.
        WireListener[] current = listeners;
        for (int i = 0; i < current.length; i++) {
            current[i].levelChanged(this, level);
        }
    }

    /** The level, after letting the driving model catch up (see {@link #beforeRead}). */
    public boolean isHigh() {
        Runnable hook = beforeRead;
        if (hook != null) {
            hook.run();
        }
        return high;
    }

    /** The level as last driven, without running the hook (for the driving model itself). */
    public boolean level() {
        return high;
    }

    public synchronized void addListener(WireListener listener) {
        WireListener[] grown = java.util.Arrays.copyOf(listeners, listeners.length + 1);
        grown[listeners.length] = listener;
        listeners = grown;
    }

    /** Runs {@code hook} before every {@link #isHigh()}; the driving model updates the level there. */
    public void beforeRead(Runnable hook) {
        this.beforeRead = hook;
    }

    @Override
    public String toString() {
        return name + (high ? "=HIGH" : "=LOW");
    }
}
