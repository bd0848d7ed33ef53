package org.skvmoip.protocol.subsetfixture;

import org.skvmoip.firmware.w5500.SpiFrame;

/**
 * A class in the protocol's package tree that reaches into the firmware, which the layering
 * forbids: the servers run the protocol module without mcu-app.
 */
public final class UsesFirmware {

    public int header() {
        return SpiFrame.socketRegisterBlock(0);
    }
}
