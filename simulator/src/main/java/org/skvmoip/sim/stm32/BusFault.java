package org.skvmoip.sim.stm32;

/**
 * An access the part would not complete: an address no block answers (a bus fault on the
 * Cortex-M4, PM0214 §2.4) or a configuration the part cannot run with (a clock out of its
 * limits). Thrown from the register access into the C, which stops there; the native that ran
 * it throws this to the firmware.
 */
public final class BusFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BusFault(String message) {
        super(message);
    }

    static BusFault unmapped(int address, boolean write) {
        return new BusFault(String.format("%s of 0x%08X: the stm32 board does not model what RM0368 §2.3 table 1 "
                + "puts there (%s)", write ? "write" : "read", address, MemoryMap.nameOf(address)));
    }
}
