package org.skvmoip.sim.gpio;

import org.skvmoip.hal.DigitalInput;
import org.skvmoip.hal.DigitalOutput;

/**
 * A module GPIO pin on a {@link Wire}: as a {@link DigitalOutput} it drives the wire, as a
 * {@link DigitalInput} it reads it. The same object serves either direction, as a real pin
 * does; the firmware uses it through one interface only.
 */
public final class SimPin implements DigitalOutput, DigitalInput {

    private final Wire wire;

    public SimPin(Wire wire) {
        this.wire = wire;
    }

    public Wire wire() {
        return wire;
    }

    @Override
    public void high() {
        wire.drive(true);
    }

    @Override
    public void low() {
        wire.drive(false);
    }

    @Override
    public boolean isHigh() {
        return wire.isHigh();
    }

    @Override
    public String toString() {
        return "SimPin(" + wire + ")";
    }
}
