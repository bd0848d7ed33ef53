package org.skvmoip.sim.stm32;

/**
 * The read-only words the C reads from system memory: the 96-bit unique device id at
 * 0x1FFF7A10 (RM0368 §24.1; different on every module, here derived from its number in the
 * rack) and the flash size at 0x1FFF7A22 (§24.2: 256 KB). Mapped from 0x1FFF7A10.
 */
public final class SystemMemory implements Peripheral {

    static final int SIZE = 0x14;
    private static final int FLASH_SIZE_WORD = 0x10;
    private static final int FLASH_SIZE_KB = 256;

    private final int[] uid = new int[3];

    SystemMemory(int moduleIndex) {
        // A wafer position, a wafer and lot number, as ST lays them out; distinct per module.
        uid[0] = 0x0030_0020 + moduleIndex;
        uid[1] = 0x3037_5113 ^ moduleIndex * 0x9E37;
        uid[2] = 0x3334_3733 + (moduleIndex << 8);
    }

    @Override
    public int read(int offset) {
        if (offset == FLASH_SIZE_WORD) {
            return FLASH_SIZE_KB << 16;
        }
        return uid[offset / 4];
    }

    @Override
    public void write(int offset, int value) {
        throw new BusFault(String.format("write of 0x%08X to system memory at 0x%08X: the unique id is read-only",
                value, MemoryMap.UID + offset));
    }
}
