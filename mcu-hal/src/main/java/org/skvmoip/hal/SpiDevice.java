package org.skvmoip.hal;

/**
 * One SPI peripheral behind its own chip-select line (mode 0, MSB first).
 *
 * <p>Device: {@code Stm32Natives.spiTransfer} - a blocking full-duplex transfer on SPI1, byte by
 * byte on TXE/RXNE (no DMA), with the chip-select GPIO driven low before the first byte and high
 * after the last, so one call is exactly one SPI frame. Only primitive arrays cross the SNI
 * boundary.
 */
public interface SpiDevice {

    /**
     * Clocks {@code len} bytes out of {@code tx} and the same number into {@code rx}, with chip
     * select held active for the whole call (one frame).
     *
     * @param rx where the bytes clocked in go; {@code null} discards them (a write-only frame)
     */
    void transfer(byte[] tx, int txOff, byte[] rx, int rxOff, int len);
}
