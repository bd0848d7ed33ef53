package org.skvmoip.hal;

/**
 * Non-volatile storage for the module's settings: a few equal slots, each erased and programmed
 * as a whole, so that one slot can be rewritten while another still holds the last good copy.
 *
 * <p>Device: {@code Stm32ConfigStore}, two 16 KB flash sectors of the STM32F401 (sector 2 at
 * 0x08008000 and sector 3 at 0x0800C000, RM0368 §3.3 table 5) through the natives
 * {@code flashRead}, {@code flashEraseSector} and {@code flashProgram}. A sector erase takes
 * about 0.25-0.5 s (datasheet t_ERASE16KB), during which the core stalls if it executes from
 * the same flash bank (the F401 has one): call {@link #write} only outside time-critical work,
 * never per event.
 */
public interface ConfigStore {

    /** How many independent slots there are (at least 2). */
    int slotCount();

    /** Bytes per slot. */
    int slotSize();

    /**
     * Copies {@code len} bytes from {@code slot} at {@code offset} into {@code dst}. An erased
     * slot reads as 0xFF bytes.
     */
    void read(int slot, int offset, byte[] dst, int off, int len);

    /**
     * Erases {@code slot} and programs {@code len} bytes from {@code src} at its start; the
     * rest of the slot stays erased (0xFF).
     *
     * @return whether the erase and every program step succeeded; after a failure (or a power
     *         cut) the slot may hold anything, so the caller keeps its other slot intact
     */
    boolean write(int slot, byte[] src, int off, int len);

    /**
     * Programs {@code len} bytes from {@code src} at {@code offset} of {@code slot} without
     * erasing it, for appending to a log behind the data {@link #write} put there: the bytes
     * there must read 0xFF (flash can only clear bits; RM0368 §3.5.4).
     *
     * @return whether every program step succeeded; after a failure (or a power cut) those
     *         bytes may hold anything, the rest of the slot is untouched
     */
    boolean program(int slot, int offset, byte[] src, int off, int len);
}
