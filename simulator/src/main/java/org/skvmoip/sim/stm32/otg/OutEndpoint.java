package org.skvmoip.sim.stm32.otg;

import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.*;

import org.skvmoip.sim.usb.UsbPacket;
import org.skvmoip.sim.usb.UsbReply;

/**
 * OUT endpoint x of the OTG_FS core (RM0368 §22.16, DOEPCTLx, DOEPINTx, DOEPTSIZx) and how it
 * takes an OUT packet into the RX FIFO: "OUT data", then "OUT done" when PKTCNT reaches 0 or the
 * packet is short, only while enabled and not NAKing. State only; the model holds its lock.
 */
final class OutEndpoint {

    private static final int INT_RC_W1 = DOEPINT_XFRC | DOEPINT_EPDISD | DOEPINT_STUP | DOEPINT_OTEPDIS
            | DOEPINT_B2BSTUP;
    private static final int DATA0 = 0;

    final int x;
    /** DOEPCTLx. */
    int control;
    /** DOEPINTx. */
    int interrupts;
    /** DOEPTSIZx. */
    int size;
    /** The data PID the next new packet carries (USB 2.0 §8.6). */
    private boolean expectData1;

    OutEndpoint(int x) {
        this.x = x;
    }

    void reset() {
        control = x == 0 ? DOEPCTL0_RESET : 0;
        interrupts = EPINT_RESET;
        size = 0;
        expectData1 = false;
    }

    /** @param ep0MaxPacketCode DIEPCTL0's MPSIZ, which DOEPCTL0's read-only MPSIZ shows */
    void writeControl(int value, int ep0MaxPacketCode) {
        int configurable = x == 0 ? 0 : EPCTL_MPSIZ_MASK | EPCTL_USBAEP | EPCTL_EPTYP_MASK | 1 << 20;
        control = InEndpoint.controlWrite(x, control, value, configurable);
        if (x == 0) {
            control = control & ~0b11 | ep0MaxPacketCode & 0b11 | EPCTL_USBAEP;
        }
        if ((value & EPCTL_EPENA) != 0) {
            control |= EPCTL_EPENA;
        }
        if ((value & EPCTL_EPDIS) != 0 && x != 0 && (control & EPCTL_EPENA) != 0) {
            control = control & ~EPCTL_EPENA | EPCTL_NAKSTS; // EP0 OUT cannot be disabled
            interrupts |= DOEPINT_EPDISD;
        }
    }

    void writeInterrupts(int value) {
        interrupts &= ~(value & INT_RC_W1);
    }

    void writeSize(int value) {
        size = value & (x == 0 ? TSIZ0_XFRSIZ_MASK | DOEPTSIZ0_PKTCNT_MASK | TSIZ_STUPCNT_MASK
                : TSIZ_XFRSIZ_MASK | TSIZ_PKTCNT_MASK | TSIZ_STUPCNT_MASK);
    }

    /** A SETUP on EP0: STALL cleared, NAK set, STUPCNT one less, the data stage from DATA1. */
    void onSetup() {
        int setups = (size & TSIZ_STUPCNT_MASK) >>> TSIZ_STUPCNT_SHIFT;
        if (setups > 0) {
            size = size & ~TSIZ_STUPCNT_MASK | (setups - 1) << TSIZ_STUPCNT_SHIFT;
        }
        control = control & ~EPCTL_STALL | EPCTL_NAKSTS;
        expectData1 = true;
    }

    void onBusReset() {
        expectData1 = false;
    }

    /** The driver popped this endpoint's "SETUP done" or "OUT done" from GRXSTSP. */
    void onPopped(int packetStatus) {
        if (packetStatus == PKTSTS_SETUP_DONE) {
            interrupts |= DOEPINT_STUP;
        } else if (packetStatus == PKTSTS_OUT_DONE) {
            interrupts |= DOEPINT_XFRC;
        }
    }

    /**
     * An OUT packet: ACK (stored, or a repeat dropped), NAK (disabled, NAKing, or no room in the RX
     * FIFO of {@code rxDepth} words), or STALL.
     */
    UsbReply receive(FifoRam fifos, int rxDepth, boolean refuseAll, int maxPacket, UsbPacket packet) {
        if ((control & EPCTL_STALL) != 0) {
            return UsbReply.STALL;
        }
        if ((control & EPCTL_EPENA) == 0) {
            if (x == 0) {
                interrupts |= DOEPINT_OTEPDIS;
            }
            return UsbReply.NAK;
        }
        if ((control & EPCTL_NAKSTS) != 0 || refuseAll
                || fifos.rxFree(rxDepth) < 1 + FifoRam.words(packet.length) + 1) {
            return UsbReply.NAK;
        }
        if (packet.data1 != expectData1) {
            return UsbReply.ACK; // a repeat whose ACK the host missed: taken, not stored (§8.6.3)
        }
        expectData1 = !expectData1;
        int dpid = packet.data1 ? GRXSTS_DPID_DATA1 : DATA0;
        fifos.rxPush(rxStatus(PKTSTS_OUT_DATA, x, packet.length, dpid), packet.bytes, packet.length);
        int packets = Math.max(0, ((size & TSIZ_PKTCNT_MASK) >>> TSIZ_PKTCNT_SHIFT) - 1);
        int bytes = Math.max(0, (size & TSIZ_XFRSIZ_MASK) - packet.length);
        size = size & ~(TSIZ_PKTCNT_MASK | TSIZ_XFRSIZ_MASK) | packets << TSIZ_PKTCNT_SHIFT | bytes;
        if (packets == 0 || packet.length < maxPacket) {
            fifos.rxPush(rxStatus(PKTSTS_OUT_DONE, x, 0, dpid), packet.bytes, 0);
            control = control & ~EPCTL_EPENA | EPCTL_NAKSTS;
        }
        return UsbReply.ACK;
    }

    /** A receive status word (GRXSTSR/GRXSTSP, device mode). */
    static int rxStatus(int packetStatus, int x, int bytes, int dpid) {
        return packetStatus << GRXSTS_PKTSTS_SHIFT | dpid << GRXSTS_DPID_SHIFT | bytes << GRXSTS_BCNT_SHIFT | x;
    }
}
