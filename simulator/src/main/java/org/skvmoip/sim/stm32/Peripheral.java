package org.skvmoip.sim.stm32;

/**
 * One memory-mapped block of the STM32F401 as its bus sees it: 32-bit reads and writes at an
 * offset from the block's base address (RM0368 §2.3, table 1). The device's own C reaches these
 * models through its register access layer (mcu-hal/src/main/c/reg.h) when it runs on the
 * simulator's {@code stm32} board. Bits a register does not implement read as 0, as on the part.
 */
public interface Peripheral {

    int read(int offset);

    void write(int offset, int value);
}
