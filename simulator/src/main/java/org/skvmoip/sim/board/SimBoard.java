package org.skvmoip.sim.board;

import org.skvmoip.hal.Board;
import org.skvmoip.hal.Clock;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;
import org.skvmoip.sim.w5500.HostNetwork;
import org.skvmoip.sim.w5500.W5500Model;

/** The module board with its W5500 replaced by the register-accurate model. */
public final class SimBoard implements Board, AutoCloseable {

    private final W5500Model w5500;

    public SimBoard(HostNetwork network) {
        this.w5500 = new W5500Model(network);
    }

    /** The simulated chip, for fault injection and SPI counters. */
    public W5500Model w5500() {
        return w5500;
    }

    @Override
    public SpiDevice w5500Spi() {
        return w5500;
    }

    @Override
    public DigitalOutput w5500Reset() {
        return w5500.resetPin();
    }

    @Override
    public InterruptLine w5500Interrupt() {
        return w5500.interruptLine();
    }

    @Override
    public Clock clock() {
        return SystemClock.INSTANCE;
    }

    @Override
    public void close() {
        w5500.close();
    }
}
