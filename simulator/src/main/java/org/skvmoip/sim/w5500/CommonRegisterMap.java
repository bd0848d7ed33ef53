package org.skvmoip.sim.w5500;

/**
 * The common register block (BSB 00000), W5500 datasheet v1.1, §3.1 table 3 and §4.1: offsets in
 * the table's order, each bit under its register. Multi-byte registers are big-endian; a constant
 * is the offset of the first byte.
 */
final class CommonRegisterMap {

    private CommonRegisterMap() {
    }

    /** Mode. */
    static final int MR = 0x0000;
    static final int MR_RST = 0x80;
    static final int MR_WOL = 0x20;
    static final int MR_PB = 0x10;
    static final int MR_PPPOE = 0x08;
    static final int MR_FARP = 0x02;

    /** Gateway address, 4 bytes. */
    static final int GAR = 0x0001;
    /** Subnet mask, 4 bytes. */
    static final int SUBR = 0x0005;
    /** Source hardware address, 6 bytes. */
    static final int SHAR = 0x0009;
    /** Source IP address, 4 bytes. */
    static final int SIPR = 0x000F;
    /** Interrupt low-level timer, 2 bytes. */
    static final int INTLEVEL = 0x0013;

    /** Interrupt; write 1 to clear a bit. */
    static final int IR = 0x0015;
    static final int IR_CONFLICT = 0x80;
    /** An ICMP destination (port) unreachable came back; UIPR/UPORTR say for what. */
    static final int IR_UNREACH = 0x40;
    static final int IR_PPPOE = 0x20;
    static final int IR_MP = 0x10;
    /** Interrupt mask: a 1 lets the IR bit assert INTn. */
    static final int IMR = 0x0016;
    /** Socket interrupt: bit n is 1 while Sn_IR is not 0. */
    static final int SIR = 0x0017;
    /** Socket interrupt mask: bit n lets socket n assert INTn. */
    static final int SIMR = 0x0018;

    /** Retry time, 2 bytes, in 100 us units. */
    static final int RTR = 0x0019;
    /** Retry count. */
    static final int RCR = 0x001B;

    static final int PTIMER = 0x001C;
    static final int PMAGIC = 0x001D;
    static final int PHAR = 0x001E;
    static final int PSID = 0x0024;
    static final int PMRU = 0x0026;

    /** Unreachable IP address, 4 bytes, read-only. */
    static final int UIPR = 0x0028;
    /** Unreachable port, 2 bytes, read-only. */
    static final int UPORTR = 0x002C;

    /** PHY configuration. */
    static final int PHYCFGR = 0x002E;
    /** 0 holds the PHY in reset; the host sets it back to 1. */
    static final int PHYCFGR_RST = 0x80;
    /** 1: mode from OPMDC; 0: from the PMODE pins. */
    static final int PHYCFGR_OPMD = 0x40;
    static final int PHYCFGR_OPMDC_MASK = 0x38;
    static final int PHYCFGR_OPMDC_SHIFT = 3;
    /** OPMDC 110. */
    static final int OPMDC_POWER_DOWN = 6;
    /** OPMDC 111: all capable, auto-negotiation (also what the PMODE pins of a module select). */
    static final int OPMDC_ALL_AUTO = 7;
    /** Read-only status bits. */
    static final int PHYCFGR_DPX = 0x04;
    static final int PHYCFGR_SPD = 0x02;
    static final int PHYCFGR_LNK = 0x01;

    /** Chip version, read-only, always 0x04. */
    static final int VERSIONR = 0x0039;
    static final int VERSION = 0x04;
}
