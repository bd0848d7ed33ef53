package org.skvmoip.sim.stm32.otg;

import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.skvmoip.sim.usb.HexBytes;

/**
 * RM0368 §22.17's steps for a device, each under the manual's name for it, written out against
 * the register model for a boot keyboard whose descriptors are a table: not a driver (no state
 * beyond what a step needs), a script of what the manual says to write when. {@link #serviceInterrupts()} is the
 * interrupt handler's body; the host model runs it in lock-step.
 */
final class ManualSteps {

    /** A boot keyboard (HID 1.11 appendix B.1) with one interrupt IN endpoint, 0x81, 8 bytes, 1 ms. */
    static final Map<Integer, byte[]> DESCRIPTORS = Map.of(
            0x0100, HexBytes.parse("12 01 00 02 00 00 00 40 09 12 01 00 00 01 00 00 00 01"),
            0x0200, HexBytes.parse("09 02 22 00 01 01 00 80 32 09 04 00 00 01 03 01 01 00"
                    + " 09 21 11 01 00 01 22 3F 00 07 05 81 03 08 00 01"),
            0x0300, HexBytes.parse("04 03 09 04"),
            0x2100, HexBytes.parse("09 21 11 01 00 01 22 3F 00"),
            0x2200, HexBytes.parse("05 01 09 06 A1 01 05 07 19 E0 29 E7 15 00 25 01 75 01 95 08 81 02"
                    + " 95 01 75 08 81 01 95 05 75 01 05 08 19 01 29 05 91 02 95 01 75 03 91 01"
                    + " 95 06 75 08 15 00 25 65 05 07 19 00 29 65 81 00 C0"));

    /** RX 128 words, TX0 64 at 128, TX1 64 at 192: 256 of the 320 words. */
    static final int[] FITTING_PLAN = {128, 128, 64, 192, 64};

    final OtgFsModel core;
    final List<String> log = new ArrayList<>();
    private final int[] plan;
    private final byte[] setup = new byte[8];
    private boolean outDataStage;

    ManualSteps(OtgFsModel core, int[] plan) {
        this.core = core;
        this.plan = plan;
    }

    /** Core initialization, after a core soft reset, forcing device mode. */
    void coreInit() {
        await(GRSTCTL, GRSTCTL_AHBIDL, GRSTCTL_AHBIDL);
        core.write(GRSTCTL, GRSTCTL_CSRST);
        await(GRSTCTL, GRSTCTL_CSRST, 0);
        core.write(GAHBCFG, GAHBCFG_GINTMSK | GAHBCFG_TXFELVL);
        core.write(GUSBCFG, GUSBCFG_FDMOD | GUSBCFG_PHYSEL | 6 << GUSBCFG_TRDT_SHIFT); // TRDT 6: AHB >= 32 MHz
        core.write(GINTMSK, GINTSTS_OTGINT | GINTSTS_MMIS);
    }

    /** Device initialization; the black pill does not wire VBUS, so sensing is off. */
    void deviceInit() {
        core.write(DCFG, DCFG_DSPD_FULL);
        core.write(GINTMSK, core.read(GINTMSK) | GINTSTS_USBRST | GINTSTS_ENUMDNE | GINTSTS_USBSUSP
                | GINTSTS_WKUPINT | GINTSTS_RXFLVL | GINTSTS_IEPINT | GINTSTS_OEPINT);
        core.write(GCCFG, GCCFG_PWRDWN | GCCFG_NOVBUSSENS);
    }

    /** The interrupt handler: everything GINTSTS shows, until it shows nothing unmasked. */
    void serviceInterrupts() {
        for (int pass = 0; pass < 16; pass++) {
            int pending = core.read(GINTSTS) & core.read(GINTMSK);
            if (pending == 0) {
                return;
            }
            if ((pending & GINTSTS_USBRST) != 0) {
                onUsbReset();
            }
            if ((pending & GINTSTS_ENUMDNE) != 0) {
                onEnumerationDone();
            }
            if ((pending & GINTSTS_RXFLVL) != 0) {
                popReceived();
            }
            if ((pending & GINTSTS_OEPINT) != 0) {
                onOutEndpoint0();
            }
            if ((pending & GINTSTS_IEPINT) != 0) {
                onInEndpoints();
            }
            core.write(GINTSTS, pending & GINTSTS_RC_W1);
        }
    }

    /** Endpoint initialization on USB reset. */
    private void onUsbReset() {
        log.add("USBRST");
        for (int x = 0; x < ENDPOINTS; x++) {
            core.write(doepctl(x), EPCTL_SNAK);
        }
        core.write(DAINTMSK, 1 | 1 << DAINT_OUT_SHIFT);
        core.write(DOEPMSK, DOEPINT_STUP | DOEPINT_XFRC);
        core.write(DIEPMSK, DIEPINT_XFRC | DIEPINT_TOC);
        core.write(DCFG, core.read(DCFG) & ~DCFG_DAD_MASK);
        core.write(GRXFSIZ, plan[0]);
        core.write(DIEPTXF0, plan[2] << FIFO_DEPTH_SHIFT | plan[1]);
        core.write(dieptxf(1), plan[4] << FIFO_DEPTH_SHIFT | plan[3]);
        core.write(doeptsiz(0), 3 << TSIZ_STUPCNT_SHIFT);
    }

    /** Endpoint initialization on enumeration completion. */
    private void onEnumerationDone() {
        log.add("ENUMDNE speed " + ((core.read(DSTS) >>> DSTS_ENUMSPD_SHIFT) & 0b11));
        core.write(diepctl(0), 0b00); // MPSIZ 64 bytes
    }

    /** Packet read from the RX FIFO: pop the status, then read BCNT bytes of data. */
    private void popReceived() {
        int status = core.read(GRXSTSP);
        int kind = (status & GRXSTS_PKTSTS_MASK) >>> GRXSTS_PKTSTS_SHIFT;
        int bytes = (status & GRXSTS_BCNT_MASK) >>> GRXSTS_BCNT_SHIFT;
        for (int w = 0; w < (bytes + 3) / 4; w++) {
            int word = core.read(FIFO_WINDOW);
            for (int b = 0; b < 4 && kind == PKTSTS_SETUP_DATA; b++) {
                setup[4 * w + b] = (byte) (word >>> 8 * b);
            }
        }
    }

    private void onOutEndpoint0() {
        int events = core.read(doepint(0));
        core.write(doepint(0), events);
        if ((events & DOEPINT_XFRC) != 0 && outDataStage) {
            outDataStage = false;
            log.add("OUT data");
            statusIn();
        }
        if ((events & DOEPINT_STUP) != 0) {
            answer();
        }
    }

    private void onInEndpoints() {
        for (int x = 0; x < ENDPOINTS; x++) {
            core.write(diepint(x), core.read(diepint(x)));
        }
    }

    /** Chapter 9 and HID class requests a boot keyboard needs; anything else is STALLed. */
    private void answer() {
        int type = setup[0] & 0xFF;
        int request = setup[1] & 0xFF;
        int value = (setup[2] & 0xFF) | (setup[3] & 0xFF) << 8;
        int length = (setup[6] & 0xFF) | (setup[7] & 0xFF) << 8;
        log.add("SETUP %02X %02X %04X".formatted(type, request, value));
        if (type == 0x80 && request == 6 && DESCRIPTORS.containsKey(value & 0xFF00)) {
            sendIn(0, DESCRIPTORS.get(value & 0xFF00), length);
        } else if (type == 0x81 && request == 6 && DESCRIPTORS.containsKey(value)) {
            sendIn(0, DESCRIPTORS.get(value), length);
        } else if (type == 0x00 && request == 5) {
            // Endpoint initialization on SetAddress command: DAD first, then the status IN.
            core.write(DCFG, core.read(DCFG) & ~DCFG_DAD_MASK | value << DCFG_DAD_SHIFT);
            statusIn();
        } else if (type == 0x00 && request == 9) {
            activateInterruptIn(1, 8);
            statusIn();
        } else if (type == 0x21 && (request == 0x0A || request == 0x0B)) {
            statusIn();
        } else if (type == 0x21 && request == 0x09) {
            outDataStage = true; // SET_REPORT: the LEDs come in an OUT data stage, then the status IN
            armOut0();
        } else {
            core.write(diepctl(0), core.read(diepctl(0)) | EPCTL_STALL);
            core.write(doepctl(0), core.read(doepctl(0)) | EPCTL_STALL);
        }
    }

    /** Endpoint activation on SetConfiguration: an interrupt IN endpoint on its own TX FIFO. */
    private void activateInterruptIn(int x, int maxPacket) {
        core.write(diepctl(x), EPCTL_USBAEP | EPTYP_INTERRUPT << EPCTL_EPTYP_SHIFT | maxPacket
                | x << EPCTL_TXFNUM_SHIFT | EPCTL_SD0PID);
        core.write(DAINTMSK, core.read(DAINTMSK) | 1 << x);
    }

    /** IN data transfers, packet write: size the transfer, enable the endpoint, then fill the FIFO. */
    void sendIn(int x, byte[] data, int wLength) {
        int length = Math.min(data.length, wLength);
        int packets = Math.max(1, (length + 63) / 64);
        core.write(dieptsiz(x), packets << TSIZ_PKTCNT_SHIFT | length);
        core.write(diepctl(x), core.read(diepctl(x)) | EPCTL_EPENA | EPCTL_CNAK);
        for (int i = 0; i < length; i += 4) {
            int word = 0;
            for (int b = 0; b < 4 && i + b < length; b++) {
                word |= (data[i + b] & 0xFF) << 8 * b;
            }
            core.write(FIFO_WINDOW + x * FIFO_WINDOW_SIZE, word);
        }
        if (x == 0) {
            armOut0(); // the host's status stage is a zero-length OUT
        }
    }

    private void statusIn() {
        core.write(dieptsiz(0), 1 << TSIZ_PKTCNT_SHIFT);
        core.write(diepctl(0), core.read(diepctl(0)) | EPCTL_EPENA | EPCTL_CNAK);
    }

    private void armOut0() {
        core.write(doeptsiz(0), 3 << TSIZ_STUPCNT_SHIFT | 1 << TSIZ_PKTCNT_SHIFT | 64);
        core.write(doepctl(0), EPCTL_EPENA | EPCTL_CNAK);
    }

    private void await(int register, int mask, int value) {
        for (int i = 0; i < 100; i++) {
            if ((core.read(register) & mask) == value) {
                return;
            }
        }
        throw new AssertionError("register 0x%03X never read %08X under mask %08X".formatted(register, value, mask));
    }
}
