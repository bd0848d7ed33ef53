package org.skvmoip.sim.gpio;

/** Hears a {@link Wire}'s level change, on the thread that drove it. */
public interface WireListener {

    void levelChanged(Wire wire, boolean high);
}
