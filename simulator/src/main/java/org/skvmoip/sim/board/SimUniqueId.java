package org.skvmoip.sim.board;

import org.skvmoip.hal.UniqueId;

/**
 * A unique id for simulated module {@code index}, shaped like an STM32's (RM0368 §24.1: X/Y
 * wafer coordinates, wafer number, lot number in ASCII): coordinates from the index, wafer 1,
 * lot "SKVMSIM". Different indexes give different ids, the same index always the same one.
 */
public final class SimUniqueId implements UniqueId {

    private final byte[] id = new byte[LENGTH];

    public SimUniqueId(int index) {
        int x = index & 0xFFFF;
        int y = (index >>> 16) & 0xFFFF;
        id[0] = (byte) x;
        id[1] = (byte) (x >>> 8);
        id[2] = (byte) y;
        id[3] = (byte) (y >>> 8);
        id[4] = 1;
        byte[] lot = {'S', 'K', 'V', 'M', 'S', 'I', 'M'};
        System.arraycopy(lot, 0, id, 5, lot.length);
    }

    @Override
    public void read(byte[] dst, int off) {
        System.arraycopy(id, 0, dst, off, LENGTH);
    }
}
