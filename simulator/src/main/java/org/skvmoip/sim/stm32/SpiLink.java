package org.skvmoip.sim.stm32;

/** The far end of SPI1's wires: one byte each way per exchange, a frame from select to deselect. */
public interface SpiLink {

    /** SCSn (chip select, active low) fell ({@code true}) or rose. */
    void select(boolean selected);

    /** Clocks out {@code mosi} and returns the byte clocked in. */
    int exchange(int mosi);
}
