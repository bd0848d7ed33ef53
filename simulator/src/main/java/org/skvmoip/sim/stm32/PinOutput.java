package org.skvmoip.sim.stm32;

/** What a pin of the MCU drives outside it; told only of changes, under the CPU. */
public interface PinOutput {

    void level(boolean high);
}
