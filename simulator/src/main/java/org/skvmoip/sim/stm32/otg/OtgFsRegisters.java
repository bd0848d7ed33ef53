package org.skvmoip.sim.stm32.otg;

/**
 * The OTG_FS core's registers in device mode as RM0368 §22.16 (OTG_FS registers) lists them:
 * offsets from the block's base 0x5000_0000, grouped as the manual groups them (global, device,
 * per endpoint, power and clock gating, data FIFOs), each reset value and bit under its
 * register. Host-mode registers (0x400..0x7FF) appear only as the range that raises MMIS.
 */
public final class OtgFsRegisters {

    private OtgFsRegisters() {
    }

    public static final int BASE = 0x5000_0000;

    // ---- core global control and status registers ----

    public static final int GOTGCTL = 0x000;
    public static final int GOTGCTL_RESET = 0x0000_0800;
    public static final int GOTGINT = 0x004;

    public static final int GAHBCFG = 0x008;
    /** Global interrupt mask: the core's interrupt line to the NVIC is gated by it. */
    public static final int GAHBCFG_GINTMSK = 1;
    /** TX FIFO empty level: 1 = TXFE when the FIFO is completely empty, 0 = half empty. */
    public static final int GAHBCFG_TXFELVL = 1 << 7;

    public static final int GUSBCFG = 0x00C;
    public static final int GUSBCFG_RESET = 0x0000_0A00;
    public static final int GUSBCFG_PHYSEL = 1 << 6; // the full-speed transceiver: always 1 on this part
    public static final int GUSBCFG_TRDT_SHIFT = 10;
    public static final int GUSBCFG_TRDT_MASK = 0xF << GUSBCFG_TRDT_SHIFT;
    public static final int GUSBCFG_FHMOD = 1 << 29;
    public static final int GUSBCFG_FDMOD = 1 << 30;

    public static final int GRSTCTL = 0x010;
    public static final int GRSTCTL_RESET = 0x2000_0000;
    public static final int GRSTCTL_CSRST = 1;
    public static final int GRSTCTL_RXFFLSH = 1 << 4;
    public static final int GRSTCTL_TXFFLSH = 1 << 5;
    public static final int GRSTCTL_TXFNUM_SHIFT = 6;
    public static final int GRSTCTL_TXFNUM_MASK = 0x1F << GRSTCTL_TXFNUM_SHIFT;
    /** TXFNUM value that selects every TX FIFO. */
    public static final int GRSTCTL_TXFNUM_ALL = 0x10;
    public static final int GRSTCTL_AHBIDL = 1 << 31;

    public static final int GINTSTS = 0x014;
    public static final int GINTMSK = 0x018;
    // GINTSTS bits; the same positions in GINTMSK unmask them.
    public static final int GINTSTS_CMOD = 1;
    public static final int GINTSTS_MMIS = 1 << 1;
    public static final int GINTSTS_OTGINT = 1 << 2;
    public static final int GINTSTS_SOF = 1 << 3;
    public static final int GINTSTS_RXFLVL = 1 << 4;
    public static final int GINTSTS_NPTXFE = 1 << 5;
    public static final int GINTSTS_GINAKEFF = 1 << 6;
    public static final int GINTSTS_GONAKEFF = 1 << 7;
    public static final int GINTSTS_ESUSP = 1 << 10;
    public static final int GINTSTS_USBSUSP = 1 << 11;
    public static final int GINTSTS_USBRST = 1 << 12;
    public static final int GINTSTS_ENUMDNE = 1 << 13;
    public static final int GINTSTS_ISOODRP = 1 << 14;
    public static final int GINTSTS_EOPF = 1 << 15;
    public static final int GINTSTS_IEPINT = 1 << 18;
    public static final int GINTSTS_OEPINT = 1 << 19;
    public static final int GINTSTS_IISOIXFR = 1 << 20;
    public static final int GINTSTS_IPXFR = 1 << 21;
    public static final int GINTSTS_PTXFE = 1 << 26;
    public static final int GINTSTS_CIDSCHG = 1 << 28;
    public static final int GINTSTS_DISCINT = 1 << 29;
    public static final int GINTSTS_SRQINT = 1 << 30;
    public static final int GINTSTS_WKUPINT = 1 << 31;
    /** The rc_w1 bits: cleared by writing 1, every other bit is read-only. */
    public static final int GINTSTS_RC_W1 = GINTSTS_MMIS | GINTSTS_SOF | GINTSTS_ESUSP | GINTSTS_USBSUSP
            | GINTSTS_USBRST | GINTSTS_ENUMDNE | GINTSTS_ISOODRP | GINTSTS_EOPF | GINTSTS_IISOIXFR | GINTSTS_IPXFR
            | GINTSTS_CIDSCHG | GINTSTS_DISCINT | GINTSTS_SRQINT | GINTSTS_WKUPINT;
    public static final int GINTSTS_RESET = GINTSTS_PTXFE | GINTSTS_NPTXFE;

    /** Receive status debug read (the top of the queue, left there). */
    public static final int GRXSTSR = 0x01C;
    /** Receive status read and pop. */
    public static final int GRXSTSP = 0x020;
    public static final int GRXSTS_EPNUM_MASK = 0xF;
    public static final int GRXSTS_BCNT_SHIFT = 4;
    public static final int GRXSTS_BCNT_MASK = 0x7FF << GRXSTS_BCNT_SHIFT;
    public static final int GRXSTS_DPID_SHIFT = 15;
    /** DPID value of a DATA1 packet (DATA0 is 0). */
    public static final int GRXSTS_DPID_DATA1 = 0b10;
    public static final int GRXSTS_PKTSTS_SHIFT = 17;
    public static final int GRXSTS_PKTSTS_MASK = 0xF << GRXSTS_PKTSTS_SHIFT;
    public static final int PKTSTS_GLOBAL_OUT_NAK = 0b0001;
    public static final int PKTSTS_OUT_DATA = 0b0010;
    public static final int PKTSTS_OUT_DONE = 0b0011;
    public static final int PKTSTS_SETUP_DONE = 0b0100;
    public static final int PKTSTS_SETUP_DATA = 0b0110;

    /** RX FIFO depth in 32-bit words (RXFD, bits 15:0). */
    public static final int GRXFSIZ = 0x024;
    public static final int GRXFSIZ_RESET = 0x0000_0200;
    /** EP0's TX FIFO: start address (TX0FSA, bits 15:0) and depth in words (TX0FD, bits 31:16). */
    public static final int DIEPTXF0 = 0x028;
    public static final int DIEPTXF0_RESET = 0x0000_0200;
    public static final int HNPTXSTS = 0x02C;
    public static final int HNPTXSTS_RESET = 0x0008_0200;

    public static final int GCCFG = 0x038;
    /** Power down deactivated: the transceiver is on. */
    public static final int GCCFG_PWRDWN = 1 << 16;
    public static final int GCCFG_VBUSASEN = 1 << 18;
    public static final int GCCFG_VBUSBSEN = 1 << 19;
    public static final int GCCFG_SOFOUTEN = 1 << 20;
    public static final int GCCFG_NOVBUSSENS = 1 << 21;

    public static final int CID = 0x03C;
    public static final int CID_RESET = 0x0000_1200;

    public static final int HPTXFSIZ = 0x100;
    public static final int HPTXFSIZ_RESET = 0x0200_0600;

    /** IN endpoint x's TX FIFO, x = 1..3: start address (bits 15:0) and depth in words (bits 31:16). */
    public static int dieptxf(int x) {
        return 0x104 + 4 * (x - 1);
    }

    public static final int DIEPTXF_RESET = 0x0200_0400;

    public static final int FIFO_START_MASK = 0xFFFF;
    public static final int FIFO_DEPTH_SHIFT = 16;

    /** Host-mode registers: touching them in device mode sets MMIS. */
    public static final int HOST_FIRST = 0x400;
    public static final int HOST_LAST = 0x7FF;

    // ---- device-mode registers ----

    public static final int DCFG = 0x800;
    public static final int DCFG_RESET = 0x0220_0000;
    public static final int DCFG_DSPD_MASK = 0b11;
    /** DSPD: full speed on the internal transceiver (USB 1.1 48 MHz PHY clock). */
    public static final int DCFG_DSPD_FULL = 0b11;
    public static final int DCFG_NZLSOHSK = 1 << 2;
    public static final int DCFG_DAD_SHIFT = 4;
    public static final int DCFG_DAD_MASK = 0x7F << DCFG_DAD_SHIFT;

    public static final int DCTL = 0x804;
    public static final int DCTL_RWUSIG = 1;
    public static final int DCTL_SDIS = 1 << 1;
    public static final int DCTL_GINSTS = 1 << 2;
    public static final int DCTL_GONSTS = 1 << 3;
    public static final int DCTL_SGINAK = 1 << 7;
    public static final int DCTL_CGINAK = 1 << 8;
    public static final int DCTL_SGONAK = 1 << 9;
    public static final int DCTL_CGONAK = 1 << 10;
    public static final int DCTL_POPRGDNE = 1 << 11;

    public static final int DSTS = 0x808;
    public static final int DSTS_RESET = 0x0000_0010;
    public static final int DSTS_SUSPSTS = 1;
    public static final int DSTS_ENUMSPD_SHIFT = 1;
    /** ENUMSPD: full speed (PHY clock 48 MHz). */
    public static final int DSTS_ENUMSPD_FULL = 0b11 << DSTS_ENUMSPD_SHIFT;
    public static final int DSTS_FNSOF_SHIFT = 8;

    public static final int DIEPMSK = 0x810;
    public static final int DOEPMSK = 0x814;
    /** One bit per IN endpoint (bits 3:0) and per OUT endpoint (bits 19:16). */
    public static final int DAINT = 0x818;
    public static final int DAINTMSK = 0x81C;
    public static final int DAINT_OUT_SHIFT = 16;
    public static final int DVBUSDIS = 0x828;
    public static final int DVBUSDIS_RESET = 0x0000_17D7;
    public static final int DVBUSPULSE = 0x82C;
    public static final int DVBUSPULSE_RESET = 0x0000_05B8;
    /** One bit per IN endpoint: TXFE of that endpoint interrupts. */
    public static final int DIEPEMPMSK = 0x834;

    /** Bidirectional endpoints: EP0 and EP1..EP3. */
    public static final int ENDPOINTS = 4;

    public static int diepctl(int x) {
        return 0x900 + 0x20 * x;
    }

    public static int diepint(int x) {
        return 0x908 + 0x20 * x;
    }

    public static int dieptsiz(int x) {
        return 0x910 + 0x20 * x;
    }

    public static int dtxfsts(int x) {
        return 0x918 + 0x20 * x;
    }

    public static int doepctl(int x) {
        return 0xB00 + 0x20 * x;
    }

    public static int doepint(int x) {
        return 0xB08 + 0x20 * x;
    }

    public static int doeptsiz(int x) {
        return 0xB10 + 0x20 * x;
    }

    /** EP0 OUT is always active (USBAEP); every other endpoint register resets to 0 but DxEPINTx. */
    public static final int DOEPCTL0_RESET = 1 << 15;
    /** DIEPINTx (TXFE: the FIFO is empty) and DOEPINTx. */
    public static final int EPINT_RESET = 1 << 7;

    // DIEPCTLx / DOEPCTLx bits.
    /** Maximum packet size; on EP0 a 2-bit code (see {@link #ep0MaxPacket}). */
    public static final int EPCTL_MPSIZ_MASK = 0x7FF;
    public static final int EPCTL_USBAEP = 1 << 15;
    /** EONUM/DPID: the data PID of the next packet on an interrupt or bulk endpoint (1 = DATA1). */
    public static final int EPCTL_DPID = 1 << 16;
    public static final int EPCTL_NAKSTS = 1 << 17;
    public static final int EPCTL_EPTYP_SHIFT = 18;
    public static final int EPCTL_EPTYP_MASK = 0b11 << EPCTL_EPTYP_SHIFT;
    public static final int EPTYP_CONTROL = 0b00;
    public static final int EPTYP_INTERRUPT = 0b11;
    public static final int EPCTL_STALL = 1 << 21;
    public static final int EPCTL_TXFNUM_SHIFT = 22;
    public static final int EPCTL_TXFNUM_MASK = 0xF << EPCTL_TXFNUM_SHIFT;
    public static final int EPCTL_CNAK = 1 << 26;
    public static final int EPCTL_SNAK = 1 << 27;
    public static final int EPCTL_SD0PID = 1 << 28;
    public static final int EPCTL_SD1PID = 1 << 29;
    public static final int EPCTL_EPDIS = 1 << 30;
    public static final int EPCTL_EPENA = 1 << 31;

    // DIEPINTx bits.
    public static final int DIEPINT_XFRC = 1;
    public static final int DIEPINT_EPDISD = 1 << 1;
    public static final int DIEPINT_TOC = 1 << 3;
    public static final int DIEPINT_ITTXFE = 1 << 4;
    public static final int DIEPINT_INEPNE = 1 << 6;
    /** TX FIFO empty: read-only, follows the FIFO. */
    public static final int DIEPINT_TXFE = 1 << 7;

    // DOEPINTx bits.
    public static final int DOEPINT_XFRC = 1;
    public static final int DOEPINT_EPDISD = 1 << 1;
    public static final int DOEPINT_STUP = 1 << 3;
    public static final int DOEPINT_OTEPDIS = 1 << 4;
    public static final int DOEPINT_B2BSTUP = 1 << 6;

    // DIEPTSIZx / DOEPTSIZx fields (EP0: XFRSIZ 6:0, PKTCNT 19 or 20:19, STUPCNT 30:29).
    public static final int TSIZ_XFRSIZ_MASK = 0x7FFFF;
    public static final int TSIZ0_XFRSIZ_MASK = 0x7F;
    public static final int TSIZ_PKTCNT_SHIFT = 19;
    public static final int TSIZ_PKTCNT_MASK = 0x3FF << TSIZ_PKTCNT_SHIFT;
    public static final int DIEPTSIZ0_PKTCNT_MASK = 0b11 << TSIZ_PKTCNT_SHIFT;
    public static final int DOEPTSIZ0_PKTCNT_MASK = 1 << TSIZ_PKTCNT_SHIFT;
    public static final int TSIZ_STUPCNT_SHIFT = 29;
    public static final int TSIZ_STUPCNT_MASK = 0b11 << TSIZ_STUPCNT_SHIFT;

    /** DTXFSTSx: free space in IN endpoint x's TX FIFO, in words (INEPTFSAV, bits 15:0). */
    public static final int DTXFSTS_INEPTFSAV_MASK = 0xFFFF;

    // ---- power and clock gating ----

    public static final int PCGCCTL = 0xE00;
    public static final int PCGCCTL_STPPCLK = 1;
    public static final int PCGCCTL_GATEHCLK = 1 << 1;

    // ---- data FIFO access: a 4 KB window per endpoint ----

    /** Writes to window n push into TX FIFO n; reads from any window pop the RX FIFO. */
    public static final int FIFO_WINDOW = 0x1000;
    public static final int FIFO_WINDOW_SIZE = 0x1000;

    /** The data FIFO RAM shared by the RX FIFO and the TX FIFOs: 1.25 KB. */
    public static final int FIFO_RAM_WORDS = 320;

    /** EP0's MPSIZ code in DIEPCTL0: 00 = 64, 01 = 32, 10 = 16, 11 = 8 bytes. */
    public static int ep0MaxPacket(int code) {
        return 64 >> (code & 0b11);
    }
}
