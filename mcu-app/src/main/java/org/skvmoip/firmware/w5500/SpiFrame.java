package org.skvmoip.firmware.w5500;

/**
 * The W5500 SPI frame (W5500 datasheet v1.1, §2.2): a 16-bit offset address (MSB first), a
 * control byte, then the data phase.
 *
 * <pre>
 *  control byte:  | BSB[4:0] (7..3) | RWB (2) | OM[1:0] (1..0) |
 * </pre>
 *
 * Block select values (§2.2.2): 0 = common registers; for socket n, {@code 4n+1} = its
 * registers, {@code 4n+2} = its TX buffer, {@code 4n+3} = its RX buffer. Blocks {@code 4n+4}
 * (4, 8, ... 28) are reserved.
 */
public final class SpiFrame {

    private SpiFrame() {
    }

    /** Address phase (2 bytes) plus control phase (1 byte). */
    public static final int HEADER_BYTES = 3;

    public static final int BSB_SHIFT = 3;
    public static final int BSB_COMMON = 0x00;

    /** RWB: 0 = read, 1 = write. */
    public static final int RWB_READ = 0x00;
    public static final int RWB_WRITE = 0x04;

    /** OM: variable data length mode, the frame ends when SCSn goes high. */
    public static final int OM_VDM = 0x00;
    /** OM: fixed data length modes (SCSn tied low), 1, 2 or 4 data bytes. */
    public static final int OM_FDM1 = 0x01;
    public static final int OM_FDM2 = 0x02;
    public static final int OM_FDM4 = 0x03;

    public static final int SOCKETS = 8;

    public static int socketRegisterBlock(int socket) {
        return 4 * socket + 1;
    }

    public static int socketTxBlock(int socket) {
        return 4 * socket + 2;
    }

    public static int socketRxBlock(int socket) {
        return 4 * socket + 3;
    }

    /** The control byte for a variable-length frame on {@code block}. */
    public static int control(int block, int rwb) {
        return (block << BSB_SHIFT) | rwb | OM_VDM;
    }
}
