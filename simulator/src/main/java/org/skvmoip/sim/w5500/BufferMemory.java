package org.skvmoip.sim.w5500;

import java.util.Arrays;

/**
 * The W5500's 16 KB TX and 16 KB RX packet memory (datasheet v1.1, §4.2 Sn_RXBUF_SIZE /
 * Sn_TXBUF_SIZE), split among sockets 0..7 in order. A buffer block is addressed by the 16-bit
 * pointer value itself; the chip keeps only the low bits ({@code pointer & (size - 1)}), which is
 * why the firmware never handles the wrap of the ring itself.
 *
 * <p>Guarded by the chip monitor.
 */
final class BufferMemory {

    static final int TOTAL_BYTES = 16 * 1024;

    private final byte[] tx = new byte[TOTAL_BYTES];
    private final byte[] rx = new byte[TOTAL_BYTES];
    private final int[] txBase = new int[SpiFrameFormat.SOCKETS];
    private final int[] txSize = new int[SpiFrameFormat.SOCKETS];
    private final int[] rxBase = new int[SpiFrameFormat.SOCKETS];
    private final int[] rxSize = new int[SpiFrameFormat.SOCKETS];

    /**
     * Bytes a Sn_xXBUF_SIZE value asks for. The datasheet allows 0, 1, 2, 4, 8 and 16 (KB) and says
     * nothing works normally with any other value; the model gives such a socket no buffer at all,
     * so the firmware sees Sn_TX_FSR = 0 and receives nothing, instead of a half-working socket.
     */
    static int bytesFor(int sizeRegister) {
        switch (sizeRegister) {
            case 0:
            case 1:
            case 2:
            case 4:
            case 8:
            case 16:
                return sizeRegister * 1024;
            default:
                return 0;
        }
    }

    void clear() {
        Arrays.fill(tx, (byte) 0);
        Arrays.fill(rx, (byte) 0);
    }

    /** Gives socket {@code socket} its regions; one that does not fit in the 16 KB gets none. */
    void assign(int socket, int txOffset, int txBytes, int rxOffset, int rxBytes) {
        boolean txFits = txOffset + txBytes <= TOTAL_BYTES;
        boolean rxFits = rxOffset + rxBytes <= TOTAL_BYTES;
        txBase[socket] = txFits ? txOffset : 0;
        txSize[socket] = txFits ? txBytes : 0;
        rxBase[socket] = rxFits ? rxOffset : 0;
        rxSize[socket] = rxFits ? rxBytes : 0;
    }

    int txSize(int socket) {
        return txSize[socket];
    }

    int rxSize(int socket) {
        return rxSize[socket];
    }

    int readTx(int socket, int pointer) {
        int size = txSize[socket];
        return size == 0 ? 0 : tx[txBase[socket] + (pointer & (size - 1))] & 0xFF;
    }

    void writeTx(int socket, int pointer, int value) {
        int size = txSize[socket];
        if (size != 0) {
            tx[txBase[socket] + (pointer & (size - 1))] = (byte) value;
        }
    }

    int readRx(int socket, int pointer) {
        int size = rxSize[socket];
        return size == 0 ? 0 : rx[rxBase[socket] + (pointer & (size - 1))] & 0xFF;
    }

    void writeRx(int socket, int pointer, int value) {
        int size = rxSize[socket];
        if (size != 0) {
            rx[rxBase[socket] + (pointer & (size - 1))] = (byte) value;
        }
    }
}
