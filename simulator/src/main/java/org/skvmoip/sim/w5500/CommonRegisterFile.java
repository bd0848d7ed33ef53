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

    /** One retry period: RTR, in units of 100 us. */
    private long retryNanos() {
        return (((regs[RTR] & 0xFF) << 8) | (regs[RTR + 1] & 0xFF)) * 100_000L;
    }

    private int retryCount() {
        return regs[RCR] & 0xFF;
    }

    /** ARP_TO (§4.1 RCR): RCR + 1 requests, each waited for RTR. */
    long arpTimeoutNanos() {
        return retryNanos() * (retryCount() + 1);
    }

    /**
     * TCP_TO (§4.1 RCR): the first wait is RTR and each retransmission doubles it, until a
     * doubling would pass 65535 (the 16-bit RTR range); from there every wait stays at that
     * largest value. RCR + 1 waits in all: RTR 2000, RCR 8 gives 2000 + 4000 + ... + 32000 +
     * 4 x 64000 = 318000 x 100 us = 31.8 s, the datasheet's own example.
     */
    long tcpTimeoutNanos() {
        long rtr = retryNanos() / 100_000L;
        long wait = rtr;
        long total = 0;
        for (int n = 0; n <= retryCount(); n++) {
            total += wait;
            if (wait * 2 <= 0xFFFF) {
                wait *= 2;
            }
        }
        return total * 100_000L;
    }

    /**
     * The PHY passes frames: not held in reset by PHYCFGR.RST = 0 (the host must write 1 again,
     * §4.1 PHYCFGR) and not in power-down (OPMD 1, OPMDC 110).
     */
    boolean phyRunning() {
        int control = regs[PHYCFGR] & PHYCFGR_CONTROL;
        return (control & PHYCFGR_RST) != 0 && mode(control) != OPMDC_POWER_DOWN;
    }

    /** The mode in force: OPMDC when OPMD says so, else the PMODE pins, strapped all-auto on the module. */
    private static int mode(int control) {
        return (control & PHYCFGR_OPMD) != 0 ? (control & PHYCFGR_OPMDC_MASK) >> PHYCFGR_OPMDC_SHIFT : OPMDC_ALL_AUTO;
    }

    /**
     * An ICMP destination unreachable came back for a datagram to {@code ip}:{@code port}
     * (§4.1 IR, UIPR, UPORTR). IR bits are not gated by IMR when they are set: IMR only decides
     * whether they assert INTn.
     */
    void unreachable(byte[] ip, int port) {
        System.arraycopy(ip, 0, regs, UIPR, 4);
        regs[UPORTR] = (byte) (port >>> 8);
        regs[UPORTR + 1] = (byte) port;
        regs[IR] = (byte) (regs[IR] | IR_UNREACH);
    }

    /** Limited broadcast, this subnet's broadcast or multicast: nobody answers those with an ICMP error. */
    boolean isBroadcastOrMulticast(byte[] ip, int off) {
        int first = ip[off] & 0xFF;
        if (first >= 224) {
            return true; // multicast 224-239, and 240-255 including 255.255.255.255
        }
        boolean subnetBroadcast = (regs[SUBR + 3] & 0xFF) != 0xFF; // a /32 has no broadcast address
        for (int i = 0; i < 4; i++) {
            int mask = regs[SUBR + i] & 0xFF;
            int host = ip[off + i] & 0xFF;
            subnetBroadcast &= (host & mask) == (regs[SIPR + i] & mask) && (host | mask) == 0xFF;
        }
        return subnetBroadcast;
    }

    /** Status bits follow the configured mode at once (the chip applies a new mode after a PHY reset; the model does not wait for one). */
    private int phycfgr() {
        int control = regs[PHYCFGR] & PHYCFGR_CONTROL;
        int status = speedAndDuplex(mode(control));
        if (phyRunning() && chip.linkUp) {
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
