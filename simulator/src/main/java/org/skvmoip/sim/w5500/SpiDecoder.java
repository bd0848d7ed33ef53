package org.skvmoip.sim.w5500;

import static org.skvmoip.sim.w5500.SpiFrameFormat.*;

/**
 * The chip's side of the SPI bus, one byte at a time as the chip sees it (§2.2): SCSn falling
 * starts a frame, each byte is decoded as it is clocked, SCSn rising ends the frame. Both ways
 * into the model (a whole {@code transfer}, or {@code chipSelect} and {@code exchange} from a
 * simulated SPI peripheral) go through this one decoder.
 *
 * <p>During the three header bytes MISO carries 0x01, 0x02, 0x03, which is what real W5500s are
 * seen to send (the datasheet calls the bytes don't-care); during write data it carries 0x00.
 * Allocation-free; called with the chip monitor held.
 */
final class SpiDecoder {

    private final ChipState chip;
    private final SpiCounters counters;

    private boolean selected;
    private int headerBytes;
    private int address;
    private int kind;
    private int socket;
    private boolean write;
    /** Data bytes left in a fixed-length access; -1 in variable-length mode. */
    private int dataLeft;
    private boolean wrote;

    SpiDecoder(ChipState chip, SpiCounters counters) {
        this.chip = chip;
        this.counters = counters;
    }

    boolean selected() {
        return selected;
    }

    /** SCSn falls: a new frame, whose first byte is an address byte. */
    void select() {
        if (selected) {
            return; // no edge
        }
        selected = true;
        headerBytes = 0;
        wrote = false;
        counters.frame();
    }

    /** SCSn rises: the frame ends; whoever waits on the chip hears of what it wrote. */
    void deselect() {
        if (!selected) {
            return;
        }
        selected = false;
        if (wrote) {
            wrote = false;
            chip.changed();
        }
    }

    /** One byte clocked while selected; returns the MISO byte. While RSTn is low the chip answers 0 and decodes nothing. */
    int exchange(int mosi) {
        if (!selected) {
            return 0; // SCSn high: MISO floats and the chip ignores the clock
        }
        counters.clocked();
        if (chip.heldInReset) {
            return 0;
        }
        if (headerBytes < HEADER_BYTES) {
            return header(mosi);
        }
        int miso = 0;
        if (write) {
            writeByte(mosi);
            wrote = true;
        } else {
            miso = readByte();
        }
        counters.data(kind, socket);
        address = (address + 1) & 0xFFFF;
        if (dataLeft > 0 && --dataLeft == 0) {
            headerBytes = 0; // fixed-length access done: the next byte is a new address
        }
        return miso;
    }

    private int header(int in) {
        int miso = headerBytes + 1;
        if (headerBytes == 0) {
            address = in << 8;
        } else if (headerBytes == 1) {
            address |= in;
        } else {
            int block = in >>> BSB_SHIFT;
            write = (in & RWB) != 0;
            dataLeft = fixedLength(in & OM_MASK);
            kind = SpiCounters.kindOf(block);
            socket = kind == SpiCounters.COMMON || kind == SpiCounters.RESERVED ? -1 : socketOf(block);
            counters.header(kind, socket);
        }
        headerBytes++;
        return miso;
    }

    private int readByte() {
        switch (kind) {
            case SpiCounters.COMMON:
                return chip.common.read(address);
            case SpiCounters.SOCKET_REGISTERS:
                return chip.sockets[socket].read(address);
            case SpiCounters.TX_BUFFER:
                return chip.memory.readTx(socket, address);
            case SpiCounters.RX_BUFFER:
                return chip.memory.readRx(socket, address);
            default:
                return 0; // reserved blocks 4, 8, ... 28
        }
    }

    private void writeByte(int value) {
        switch (kind) {
            case SpiCounters.COMMON:
                chip.common.write(address, value);
                break;
            case SpiCounters.SOCKET_REGISTERS:
                chip.sockets[socket].write(address, value);
                break;
            case SpiCounters.TX_BUFFER:
                chip.memory.writeTx(socket, address, value);
                break;
            case SpiCounters.RX_BUFFER:
                chip.memory.writeRx(socket, address, value);
                break;
            default:
                break;
        }
    }
}
