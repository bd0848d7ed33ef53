package org.skvmoip.sim.machine;

/** Where the virtual target machine is in its power cycle. */
public enum PowerState {
    /** Soft off (S5): power LED dark, no video signal. */
    OFF,
    /** Power-on self test: the BIOS screen, HDD LED blinking. */
    BOOTING,
    /** The OS console is up and takes keyboard and pointer input. */
    RUNNING,
    /** The OS heard the power button and is shutting down. */
    SHUTTING_DOWN
}
