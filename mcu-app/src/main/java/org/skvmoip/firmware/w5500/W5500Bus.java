package org.skvmoip.firmware.w5500;

import org.skvmoip.hal.SpiDevice;

/**
 * Register and buffer access over SPI, one variable-length frame per call (datasheet §2.2).
 *
 * <p>The SPI interface sends one frame per {@code transfer}, so a frame's header and data must
 * sit in one array: data goes through two frame buffers allocated here, once. Longer accesses
 * are split into frames of at most {@link #MAX_CHUNK} data bytes, each with its own address
 * (the chip's address counter would continue anyway, so the split costs only 3 header bytes).
 */
public final class W5500Bus {

    /** Data bytes per SPI frame; sizes the two static frame buffers. */
    public static final int MAX_CHUNK = 512;

    /** Reads of a chip-updated 16-bit register before giving up on two agreeing. */
    private static final int STABLE_READ_TRIES = 8;

    private final SpiDevice spi;
    private final byte[] txFrame = new byte[SpiFrame.HEADER_BYTES + MAX_CHUNK];
    private final byte[] rxFrame = new byte[SpiFrame.HEADER_BYTES + MAX_CHUNK];

    public W5500Bus(SpiDevice spi) {
        this.spi = spi;
    }

    public int readByte(int block, int address) {
        header(block, address, SpiFrame.RWB_READ);
        spi.transfer(txFrame, 0, rxFrame, 0, SpiFrame.HEADER_BYTES + 1);
        return rxFrame[SpiFrame.HEADER_BYTES] & 0xFF;
    }

    public void writeByte(int block, int address, int value) {
        header(block, address, SpiFrame.RWB_WRITE);
        txFrame[SpiFrame.HEADER_BYTES] = (byte) value;
        spi.transfer(txFrame, 0, null, 0, SpiFrame.HEADER_BYTES + 1);
    }

    /** A big-endian 16-bit register, read in one frame. */
    public int read16(int block, int address) {
        header(block, address, SpiFrame.RWB_READ);
        spi.transfer(txFrame, 0, rxFrame, 0, SpiFrame.HEADER_BYTES + 2);
        return ((rxFrame[SpiFrame.HEADER_BYTES] & 0xFF) << 8) | (rxFrame[SpiFrame.HEADER_BYTES + 1] & 0xFF);
    }

    /**
     * A 16-bit register that the chip updates on its own (Sn_TX_FSR, Sn_RX_RSR): its two bytes
     * can change between the first and the second, so the datasheet asks to read until two
     * reads agree. Bounded; returns the last read if they never agree.
     */
    public int read16Stable(int block, int address) {
        int previous = read16(block, address);
        for (int i = 1; i < STABLE_READ_TRIES; i++) {
            int value = read16(block, address);
            if (value == previous) {
                return value;
            }
            previous = value;
        }
        return previous;
    }

    public void write16(int block, int address, int value) {
        header(block, address, SpiFrame.RWB_WRITE);
        txFrame[SpiFrame.HEADER_BYTES] = (byte) (value >> 8);
        txFrame[SpiFrame.HEADER_BYTES + 1] = (byte) value;
        spi.transfer(txFrame, 0, null, 0, SpiFrame.HEADER_BYTES + 2);
    }

    public void read(int block, int address, byte[] dst, int off, int len) {
        while (len > 0) {
            int n = len < MAX_CHUNK ? len : MAX_CHUNK;
            header(block, address, SpiFrame.RWB_READ);
            spi.transfer(txFrame, 0, rxFrame, 0, SpiFrame.HEADER_BYTES + n);
            System.arraycopy(rxFrame, SpiFrame.HEADER_BYTES, dst, off, n);
            address = (address + n) & 0xFFFF;
            off += n;
            len -= n;
        }
    }

    public void write(int block, int address, byte[] src, int off, int len) {
        while (len > 0) {
            int n = len < MAX_CHUNK ? len : MAX_CHUNK;
            header(block, address, SpiFrame.RWB_WRITE);
            System.arraycopy(src, off, txFrame, SpiFrame.HEADER_BYTES, n);
            spi.transfer(txFrame, 0, null, 0, SpiFrame.HEADER_BYTES + n);
            address = (address + n) & 0xFFFF;
            off += n;
            len -= n;
        }
    }

    private void header(int block, int address, int rwb) {
        txFrame[0] = (byte) (address >> 8);
        txFrame[1] = (byte) address;
        txFrame[2] = (byte) SpiFrame.control(block, rwb);
    }
}
