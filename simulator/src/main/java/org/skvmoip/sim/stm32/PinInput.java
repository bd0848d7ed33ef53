package org.skvmoip.sim.stm32;

/**
 * Something outside the MCU driving one of its pins (the W5500's INTn, a front-panel LED's
 * optocoupler, a button). The driver's thread records the level without waiting for the CPU
 * and counts the changes, so a pulse shorter than the CPU's next look still makes its edges;
 * the GPIO model takes them under the CPU.
 */
public final class PinInput {

    private final Stm32Core core;
    private boolean level;
    private boolean driven = true;
    private int changes;

    PinInput(Stm32Core core, boolean level) {
        this.core = core;
        this.level = level;
    }

    /** Any thread: the pin is now driven to {@code high}. */
    public void drive(boolean high) {
        set(true, high);
    }

    /** Any thread: the driver lets go (an open-drain output off, a button released); the pin reads its pull. */
    public void release() {
        set(false, level);
    }

    private void set(boolean drive, boolean high) {
        synchronized (this) {
            if (drive == driven && high == level) {
                return;
            }
            driven = drive;
            level = high;
            changes++;
        }
        core.inputChanged();
    }

    public synchronized boolean driven() {
        return driven;
    }

    public synchronized boolean level() {
        return level;
    }

    synchronized int changes() {
        return changes;
    }
}
