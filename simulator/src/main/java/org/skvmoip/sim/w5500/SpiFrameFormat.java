package org.skvmoip.sim.w5500;

/**
 * The SPI frame as the chip decodes it, W5500 datasheet v1.1, §2.2 (and §2.2.2 for the block
 * select bits). The model's own reading of the datasheet, kept apart from the firmware's driver
 * constants so that a mistake in one is caught by the other.
 *
 * <pre>
 *  address phase: offset[15:8], offset[7:0]
 *  control phase: | BSB[4:0] (7..3) | RWB (2) | OM[1:0] (1..0) |
 *  data phase:    N bytes, the offset advancing by one per byte
 * </pre>
 */
final class SpiFrameFormat {

    private SpiFrameFormat() {
    }

    /** Address phase (2 bytes) and control phase (1 byte). */
    static final int HEADER_BYTES = 3;

    // --- control phase ---
    static final int BSB_SHIFT = 3;
    static final int RWB = 0x04;
    static final int OM_MASK = 0x03;
    /** Variable data length mode: data until SCSn rises. */
    static final int OM_VDM = 0x00;
    /** Fixed data length modes: 1, 2 and 4 data bytes, then the next header. */
    static final int OM_FDM1 = 0x01;
    static final int OM_FDM2 = 0x02;
    static final int OM_FDM4 = 0x03;

    // --- block select (§2.2.2): 0 common, then per socket n: 4n+1 registers, 4n+2 TX, 4n+3 RX ---
    static final int BSB_COMMON = 0x00;
    static final int BSB_SOCKET_REGISTERS = 1;
    static final int BSB_SOCKET_TX = 2;
    static final int BSB_SOCKET_RX = 3;
    /** Blocks 4n+4 (4, 8, ... 28) are reserved. */
    static final int BSB_RESERVED = 0;

    static final int SOCKETS = 8;

    /** Data bytes of one access in mode {@code om}: -1 for variable length. */
    static int fixedLength(int om) {
        switch (om) {
            case OM_FDM1:
                return 1;
            case OM_FDM2:
                return 2;
            case OM_FDM4:
                return 4;
            default:
                return -1;
        }
    }

    /** The socket a BSB value belongs to (blocks 4n+1..4n+4); only meaningful for blocks other than 0. */
    static int socketOf(int bsb) {
        return (bsb - 1) >>> 2;
    }
}
