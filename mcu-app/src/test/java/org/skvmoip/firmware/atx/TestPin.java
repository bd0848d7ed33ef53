package org.skvmoip.firmware.atx;

import org.skvmoip.hal.DigitalInput;
import org.skvmoip.hal.DigitalOutput;

/** A pin a test drives or reads directly. */
final class TestPin implements DigitalOutput, DigitalInput {

    private boolean high;

    @Override
    public void high() {
        high = true;
    }

    @Override
    public void low() {
        high = false;
    }

    @Override
    public boolean isHigh() {
        return high;
    }

    void set(boolean level) {
        high = level;
    }
}
