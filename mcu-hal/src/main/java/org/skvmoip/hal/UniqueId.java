package org.skvmoip.hal;

/**
 * The MCU's factory-programmed unique device id: 96 bits, different on every chip, never
 * changing. Device: {@code Stm32Natives.uidRead}, the three UID words at 0x1FFF7A10
 * (RM0368 §24.1), copied out byte by byte in address order.
 */
public interface UniqueId {

    /** Bytes in the id. */
    int LENGTH = 12;

    /** Copies the {@link #LENGTH} id bytes into {@code dst} at {@code off}. */
    void read(byte[] dst, int off);
}
