package org.skvmoip.hal.stm32;

import org.skvmoip.hal.ConfigStore;

/**
 * The settings slots in the STM32F401's flash: sector 2 (0x08008000) and sector 3
 * (0x0800C000), 16 KB each (RM0368 §3.3, table 5). The linker script must keep code and the
 * VM's image out of these two sectors (docs/device-build.md); sectors 0-1 hold the vector
 * table and start-up code, 4-5 the rest of the image (mcu-hal/src/main/c/board/stm32f401cc.ld).
 * A slot is written from its first byte, so every write starts word-aligned, as the flash's
 * 32-bit programming needs.
 */
public final class Stm32ConfigStore implements ConfigStore {

    private static final int[] SECTORS = {2, 3};
    private static final int[] ADDRESSES = {0x08008000, 0x0800C000};
    private static final int SECTOR_BYTES = 16 * 1024;

    public int slotCount() {
        return SECTORS.length;
    }

    public int slotSize() {
        return SECTOR_BYTES;
    }

    public void read(int slot, int offset, byte[] dst, int off, int len) {
        checkRange(slot, offset, len);
        Stm32Natives.flashRead(ADDRESSES[slot] + offset, dst, off, len);
    }

    public boolean write(int slot, byte[] src, int off, int len) {
        checkRange(slot, 0, len);
        return Stm32Natives.flashEraseSector(SECTORS[slot])
                && Stm32Natives.flashProgram(ADDRESSES[slot], src, off, len);
    }

    public boolean program(int slot, int offset, byte[] src, int off, int len) {
        checkRange(slot, offset, len);
        return Stm32Natives.flashProgram(ADDRESSES[slot] + offset, src, off, len);
    }

    /** A wrong address here would erase or read code: refuse it before the native sees it. */
    private static void checkRange(int slot, int offset, int len) {
        if (slot < 0 || slot >= SECTORS.length || offset < 0 || len < 0 || offset + len > SECTOR_BYTES) {
            throw new IndexOutOfBoundsException();
        }
    }
}
