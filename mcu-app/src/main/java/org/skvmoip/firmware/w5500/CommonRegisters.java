package org.skvmoip.firmware.w5500;

/**
 * W5500 common register block (BSB 00000), offsets and bits as in the datasheet v1.1, §4.1.
 * Multi-byte registers are big-endian; the constant is the offset of their first byte.
 */
public final class CommonRegisters {

    private CommonRegisters() {
    }

    /** Mode register. */
    public static final int MR = 0x0000;
    /** Software reset; self-clears when the reset is done. */
    public static final int MR_RST = 0x80;
    public static final int MR_WOL = 0x20;
    /** Ping block: do not answer ICMP echo. */
    public static final int MR_PB = 0x10;
    public static final int MR_PPPOE = 0x08;
    /** Force ARP on every send. */
    public static final int MR_FARP = 0x02;

    /** Gateway IP address, 4 bytes. */
    public static final int GAR = 0x0001;
    /** Subnet mask, 4 bytes. */
    public static final int SUBR = 0x0005;
    /** Source hardware (MAC) address, 6 bytes. */
    public static final int SHAR = 0x0009;
    /** Source IP address, 4 bytes. */
    public static final int SIPR = 0x000F;
    /** Interrupt low-level timer, 2 bytes: minimum INTn de-assert time between interrupts. */
    public static final int INTLEVEL = 0x0013;

    /** Interrupt register; write 1 to a bit to clear it. */
    public static final int IR = 0x0015;
    public static final int IR_CONFLICT = 0x80;
    public static final int IR_UNREACH = 0x40;
    public static final int IR_PPPOE = 0x20;
    public static final int IR_MP = 0x10;

    /** Interrupt mask: a 1 lets the matching IR bit assert INTn. */
    public static final int IMR = 0x0016;
    /** Socket interrupt register: bit n is set while socket n has an unmasked Sn_IR bit. */
    public static final int SIR = 0x0017;
    /** Socket interrupt mask: bit n lets socket n assert INTn. */
    public static final int SIMR = 0x0018;

    /** Retransmission time, 2 bytes, in units of 100 us. */
    public static final int RTR = 0x0019;
    /** Retransmission count. */
    public static final int RCR = 0x001B;

    /** PPP LCP request timer, magic number, destination MAC, session id, MRU. */
    public static final int PTIMER = 0x001C;
    public static final int PMAGIC = 0x001D;
    public static final int PHAR = 0x001E;
    public static final int PSID = 0x0024;
    public static final int PMRU = 0x0026;

    /** Unreachable IP address (4 bytes) and port (2 bytes), read-only. */
    public static final int UIPR = 0x0028;
    public static final int UPORTR = 0x002C;

    /** PHY configuration. */
    public static final int PHYCFGR = 0x002E;
    /** Write 0 to hold the PHY in reset, then 1 to release it (the host writes both). */
    public static final int PHYCFGR_RST = 0x80;
    /** 1: operation mode from OPMDC; 0: from the hardware pins. */
    public static final int PHYCFGR_OPMD = 0x40;
    public static final int PHYCFGR_OPMDC_MASK = 0x38;
    /** OPMDC 111: all capable, auto-negotiation enabled. */
    public static final int PHYCFGR_OPMDC_ALL_AUTO = 0x38;
    /** Read-only status: full duplex, 100 Mbps, link up. */
    public static final int PHYCFGR_DPX = 0x04;
    public static final int PHYCFGR_SPD = 0x02;
    public static final int PHYCFGR_LNK = 0x01;

    /** Chip version, read-only. */
    public static final int VERSIONR = 0x0039;
    public static final int VERSION_W5500 = 0x04;
}
