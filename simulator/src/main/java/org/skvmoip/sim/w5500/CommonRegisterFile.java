package org.skvmoip.sim.w5500;

import static org.skvmoip.sim.w5500.CommonRegisterMap.*;

/**
 * The common register block (BSB 00000), datasheet v1.1, §4.1: reset values, which bytes the
 * host may write, and the registers that are not plain storage (MR.RST, IR write-1-to-clear,
 * SIR computed from the sockets, PHYCFGR status bits, VERSIONR). Guarded by the chip monitor.
 */
final class CommonRegisterFile {

    /** MR (0x0000) up to VERSIONR (0x0039); addresses past it read 0 and ignore writes. */
    static final int BLOCK_BYTES = VERSIONR + 1;

    /** PHYCFGR bits the host writes: RST, OPMD, OPMDC. The low 3 bits are PHY status. */
    private static final int PHYCFGR_CONTROL = 0xF8;
    private static final int PHYCFGR_RESET_CONTROL = 0xB8;
    private static final int OPMDC_POWER_DOWN = 6;

    private static final byte[] RESET = new byte[BLOCK_BYTES];
    /** Plain read/write storage; the other bytes are read-only, reserved or handled below. */
    private static final boolean[] PLAIN = new boolean[BLOCK_BYTES];

    static {
        RESET[RTR] = (byte) 0x07;
        RESET[RTR + 1] = (byte) 0xD0;
        RESET[RCR] = (byte) 0x08;
        RESET[PTIMER] = (byte) 0x28;
        RESET[PMRU] = (byte) 0xFF;
        RESET[PMRU + 1] = (byte) 0xFF;
        RESET[PHYCFGR] = (byte) PHYCFGR_RESET_CONTROL;
        plain(GAR, INTLEVEL + 2);
        plain(IMR, IMR + 1);
        plain(SIMR, PMRU + 2);
    }

    private static void plain(int from, int to) {
        for (int i = from; i < to; i++) {
            PLAIN[i] = true;
        }
    }

    private final ChipState chip;
    private final byte[] regs = new byte[BLOCK_BYTES];

    CommonRegisterFile(ChipState chip) {
        this.chip = chip;
    }

    void reset() {
        System.arraycopy(RESET, 0, regs, 0, BLOCK_BYTES);
    }

    int read(int offset) {
        if (offset >= BLOCK_BYTES) {
            return 0;
        }
        switch (offset) {
            case SIR:
                return chip.sir();
            case PHYCFGR:
                return phycfgr();
            case VERSIONR:
                return VERSION;
            default:
                return regs[offset] & 0xFF;
        }
    }

    void write(int offset, int value) {
        if (offset >= BLOCK_BYTES) {
            return;
        }
        switch (offset) {
            case MR:
                if ((value & MR_RST) != 0) {
                    // RST self-clears: the chip resets and MR reads back 0x00.
                    chip.reset();
                } else {
                    regs[MR] = (byte) value;
                }
                return;
            case IR:
                regs[IR] = (byte) (regs[IR] & ~value);
                return;
            case PHYCFGR:
                regs[PHYCFGR] = (byte) (value & PHYCFGR_CONTROL);
                return;
            default:
                if (PLAIN[offset]) {
                    regs[offset] = (byte) value;
                }
        }
    }

    int ir() {
        return regs[IR] & 0xFF;
    }

    int imr() {
        return regs[IMR] & 0xFF;
    }

    int simr() {
        return regs[SIMR] & 0xFF;
    }

    /** RTR x (RCR + 1), RTR in units of 100 us: the model's TCP/ARP retransmission timeout. */
    long retransmissionNanos() {
        long rtr = ((regs[RTR] & 0xFF) << 8) | (regs[RTR + 1] & 0xFF);
        long rcr = regs[RCR] & 0xFF;
        return rtr * 100_000L * (rcr + 1);
    }

    /**
     * Status bits follow the configured mode at once (the chip applies a new mode after a PHY
     * reset; the model does not wait for one). RST = 0 holds the PHY in reset, as the datasheet
     * says the host must set it back to 1 itself, so the link is down until it does.
     */
    private int phycfgr() {
        int control = regs[PHYCFGR] & PHYCFGR_CONTROL;
        int mode = (control & PHYCFGR_OPMD) != 0 ? (control & PHYCFGR_OPMDC_MASK) >> 3 : 7;
        boolean phyOn = (control & PHYCFGR_RST) != 0 && mode != OPMDC_POWER_DOWN;
        int status = speedAndDuplex(mode);
        if (phyOn && chip.linkUp) {
            status |= PHYCFGR_LNK;
        }
        return control | status;
    }

    /** OPMDC: 000 10BT half, 001 10BT full, 010 100BT half, 011 100BT full, 100 100BT half auto, 111 all auto. */
    private static int speedAndDuplex(int mode) {
        switch (mode) {
            case 0:
                return 0;
            case 1:
                return PHYCFGR_DPX;
            case 2:
            case 4:
                return PHYCFGR_SPD;
            default:
                return PHYCFGR_SPD | PHYCFGR_DPX;
        }
    }
}
