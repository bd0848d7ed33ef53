package org.skvmoip.sim.stm32;

import org.skvmoip.hal.ConfigStore;

/**
 * The board's settings sectors as a flashing tool (ST-Link) sees them while the board is off: the
 * same two 16 KB slots as the device's Stm32ConfigStore (sectors 2 and 3, 0x08008000 and
 * 0x0800C000, RM0368 §3.3 table 5), written straight into the flash array. The simulator uses it
 * to put a rack's settings on a board before its first power-up, as a person would flash them.
 */
final class FlashProgrammer implements ConfigStore {

    private static final int[] SLOT_OFFSETS = {0x8000, 0xC000};
    private static final int SLOT_BYTES = 16 * 1024;

    private final int[] words;

    FlashProgrammer(int[] words) {
        this.words = words;
    }

    @Override
    public int slotCount() {
        return SLOT_OFFSETS.length;
    }

    @Override
    public int slotSize() {
        return SLOT_BYTES;
    }

    @Override
    public synchronized void read(int slot, int offset, byte[] dst, int off, int len) {
        for (int i = 0; i < len; i++) {
            int at = SLOT_OFFSETS[slot] + offset + i;
            dst[off + i] = (byte) (words[at / 4] >>> (8 * (at % 4))); // little-endian, as the Cortex-M4
        }
    }

    @Override
    public synchronized boolean write(int slot, byte[] src, int off, int len) {
        java.util.Arrays.fill(words, SLOT_OFFSETS[slot] / 4, (SLOT_OFFSETS[slot] + SLOT_BYTES) / 4, -1);
        return program(slot, 0, src, off, len);
    }

    @Override
    public synchronized boolean program(int slot, int offset, byte[] src, int off, int len) {
        for (int i = 0; i < len; i++) {
            int at = SLOT_OFFSETS[slot] + offset + i;
            int shift = 8 * (at % 4);
            words[at / 4] &= ~(~src[off + i] & 0xFF) << shift | ~(0xFF << shift); // only 1 -> 0, as flash
        }
        return true;
    }
}
