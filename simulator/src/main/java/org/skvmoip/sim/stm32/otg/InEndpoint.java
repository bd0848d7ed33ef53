package org.skvmoip.sim.stm32.otg;

import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.*;

import org.skvmoip.sim.usb.UsbPacket;
import org.skvmoip.sim.usb.UsbReply;

/**
 * IN endpoint x of the OTG_FS core (RM0368 §22.16, DIEPCTLx, DIEPINTx, DIEPTSIZx) and how it
 * answers an IN token: one packet of min(MPSIZ, XFRSIZ left) bytes from its TX FIFO once the
 * driver has enabled it, cleared its NAK and written the whole packet. State only; the model
 * holds its lock around every call.
 */
final class InEndpoint {

    private static final int INT_RC_W1 = DIEPINT_XFRC | DIEPINT_EPDISD | DIEPINT_TOC | DIEPINT_ITTXFE
            | DIEPINT_INEPNE;

    final int x;
    /** DIEPCTLx. */
    int control;
    /** DIEPINTx but TXFE, which follows the FIFO. */
    int interrupts;
    /** DIEPTSIZx. */
    int size;
    /** EP0's data toggle: the core keeps it, DIEPCTL0 has no DPID bit. */
    private boolean ep0Data1;

    InEndpoint(int x) {
        this.x = x;
    }

    void reset() {
        control = 0;
        interrupts = 0;
        size = 0;
        ep0Data1 = false;
    }

    void writeControl(int value, boolean fifoPlanFits) {
        int configurable = x == 0 ? 0b11 | EPCTL_TXFNUM_MASK
                : EPCTL_MPSIZ_MASK | EPCTL_USBAEP | EPCTL_EPTYP_MASK | EPCTL_TXFNUM_MASK;
        control = controlWrite(x, control, value, configurable);
        // RM0368 §22.16.4, DIEPINTx.INEPNE: the NAK the application set has taken effect (at
        // once here); clearing the NAK with CNAK clears it. A driver disabling an endpoint waits
        // for it before EPDIS (§22.17, "Disabling an IN endpoint").
        if ((value & EPCTL_SNAK) != 0) {
            interrupts |= DIEPINT_INEPNE;
        } else if ((value & EPCTL_CNAK) != 0) {
            interrupts &= ~DIEPINT_INEPNE;
        }
        if ((value & EPCTL_EPENA) != 0 && fifoPlanFits) {
            control |= EPCTL_EPENA;
        }
        if ((value & EPCTL_EPDIS) != 0 && (control & EPCTL_EPENA) != 0) {
            control = control & ~EPCTL_EPENA | EPCTL_NAKSTS;
            interrupts |= DIEPINT_EPDISD;
        }
    }

    void writeInterrupts(int value) {
        interrupts &= ~(value & INT_RC_W1);
    }

    void writeSize(int value) {
        size = value & (x == 0 ? TSIZ0_XFRSIZ_MASK | DIEPTSIZ0_PKTCNT_MASK
                : TSIZ_XFRSIZ_MASK | TSIZ_PKTCNT_MASK | 0b11 << 29);
    }

    boolean active() {
        return x == 0 || (control & EPCTL_USBAEP) != 0;
    }

    /** The TX FIFO it sends from: FIFO 0 for EP0, DIEPCTLx.TXFNUM for the others. */
    int txFifo() {
        return x == 0 ? 0 : (control & EPCTL_TXFNUM_MASK) >>> EPCTL_TXFNUM_SHIFT & 0b11;
    }

    /** Bytes per packet: EP0's 2-bit MPSIZ code, or the others' byte count. */
    int maxPacket() {
        return x == 0 ? ep0MaxPacket(control) : control & EPCTL_MPSIZ_MASK;
    }

    /** A SETUP on EP0: STALL cleared, NAK set until the driver answers, the data stage from DATA1. */
    void onSetup() {
        control = control & ~EPCTL_STALL | EPCTL_NAKSTS;
        ep0Data1 = true;
    }

    void onBusReset() {
        ep0Data1 = false;
    }

    /** An IN token: the packet into {@code into}, or NAK (raising ITTXFE when the packet is not all there), or STALL. */
    UsbReply transmit(FifoRam fifos, boolean globalNak, UsbPacket into) {
        if ((control & EPCTL_STALL) != 0) {
            return UsbReply.STALL;
        }
        if ((control & EPCTL_EPENA) == 0 || (control & EPCTL_NAKSTS) != 0 || globalNak) {
            return UsbReply.NAK;
        }
        int packets = (size & TSIZ_PKTCNT_MASK) >>> TSIZ_PKTCNT_SHIFT;
        int bytes = size & TSIZ_XFRSIZ_MASK;
        int length = Math.min(maxPacket(), bytes);
        if (packets == 0 || fifos.txCount(txFifo()) < FifoRam.words(length)) {
            interrupts |= DIEPINT_ITTXFE;
            return UsbReply.NAK;
        }
        fifos.txPop(txFifo(), into.bytes, length);
        into.length = length;
        if (x == 0) {
            into.data1 = ep0Data1;
            ep0Data1 = !ep0Data1;
        } else {
            into.data1 = (control & EPCTL_DPID) != 0;
            control ^= EPCTL_DPID;
        }
        packets--;
        size = size & ~(TSIZ_PKTCNT_MASK | TSIZ_XFRSIZ_MASK) | packets << TSIZ_PKTCNT_SHIFT | bytes - length;
        if (packets == 0) {
            control &= ~EPCTL_EPENA;
            interrupts |= DIEPINT_XFRC;
        }
        return UsbReply.DATA;
    }

    /**
     * A write to DIEPCTLx or DOEPCTLx: the {@code configurable} fields, STALL, and the actions the
     * two share (CNAK, SNAK, SD0PID, SD1PID). EP0's STALL only the core clears, on a SETUP.
     */
    static int controlWrite(int x, int old, int value, int configurable) {
        int control = old & ~configurable | value & configurable;
        if (x == 0) {
            control |= value & EPCTL_STALL;
        } else {
            control = control & ~EPCTL_STALL | value & EPCTL_STALL;
        }
        if ((value & EPCTL_CNAK) != 0) {
            control &= ~EPCTL_NAKSTS;
        }
        if ((value & EPCTL_SNAK) != 0) {
            control |= EPCTL_NAKSTS;
        }
        if (x != 0 && (value & EPCTL_SD0PID) != 0) {
            control &= ~EPCTL_DPID;
        }
        if (x != 0 && (value & EPCTL_SD1PID) != 0) {
            control |= EPCTL_DPID;
        }
        return control;
    }
}
