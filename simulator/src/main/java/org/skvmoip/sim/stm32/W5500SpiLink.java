package org.skvmoip.sim.stm32;

import org.skvmoip.hal.SpiDevice;

/**
 * SPI1's wires to the W5500 model through its frame-level {@link SpiDevice#transfer}, until the
 * model takes bytes one at a time: a write frame is collected while SCSn is low and handed over
 * when it rises; a read frame is answered byte by byte from reads ahead of the master, in
 * chunks (reading a W5500 register or buffer has no side effect, W5500 datasheet §2.2, so
 * reading ahead is safe). The model's SPI counters therefore count a long read as several frames.
 */
final class W5500SpiLink implements SpiLink {

    private static final int HEADER = 3;
    private static final int RWB_WRITE = 1 << 2;
    private static final int OM_MASK = 3;
    private static final int CHUNK = 64;
    /** The longest write frame: a whole 16 KB TX buffer of the chip plus its header. */
    private static final int MAX_FRAME = HEADER + 16 * 1024;

    private final SpiDevice chip;
    private final byte[] frame = new byte[MAX_FRAME];
    private final byte[] aheadTx = new byte[HEADER + CHUNK];
    private final byte[] aheadRx = new byte[HEADER + CHUNK];
    private boolean selected;
    private int length;
    private int served;
    private int available;

    W5500SpiLink(SpiDevice chip) {
        this.chip = chip;
    }

    @Override
    public void select(boolean select) {
        if (select == selected) {
            return;
        }
        selected = select;
        if (!select && length > HEADER && isWrite()) {
            chip.transfer(frame, 0, null, 0, length);
        }
        length = 0;
        served = 0;
        available = 0;
    }

    private boolean isWrite() {
        return (frame[2] & RWB_WRITE) != 0;
    }

    @Override
    public int exchange(int mosi) {
        if (!selected) {
            return 0; // SCSn high: the chip leaves MISO floating
        }
        if (length < HEADER) {
            frame[length++] = (byte) mosi;
            return length; // the chip answers the header bytes with 1, 2, 3
        }
        if (isWrite()) {
            if (length == MAX_FRAME) {
                throw new IllegalStateException("W5500 write frame longer than " + MAX_FRAME + " bytes");
            }
            frame[length++] = (byte) mosi;
            return 0;
        }
        if (served == available) {
            readAhead();
        }
        length++;
        return aheadRx[HEADER + served++] & 0xFF;
    }

    private void readAhead() {
        int address = ((frame[0] & 0xFF) << 8 | frame[1] & 0xFF) + length - HEADER;
        aheadTx[0] = (byte) (address >>> 8);
        aheadTx[1] = (byte) address;
        aheadTx[2] = (byte) (frame[2] & ~OM_MASK); // variable length for the chunk
        chip.transfer(aheadTx, 0, aheadRx, 0, aheadTx.length);
        served = 0;
        available = CHUNK;
    }
}
