package org.skvmoip.sim.stm32.otg;

import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.*;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.skvmoip.sim.stm32.IrqLine;
import org.skvmoip.sim.stm32.Peripheral;
import org.skvmoip.sim.usb.DeviceChanges;
import org.skvmoip.sim.usb.UsbDevicePort;
import org.skvmoip.sim.usb.UsbPacket;
import org.skvmoip.sim.usb.UsbReply;

/**
 * The STM32F401's OTG_FS core in device mode (RM0368 ch. 22: registers §22.16, programming model
 * §22.17) at 0x5000_0000, and the device side of the USB cable: the host's SETUP and OUT packets
 * become RX FIFO entries and interrupts, IN tokens take packets from the TX FIFOs the C driver
 * filled, NAK when the endpoint is not enabled or its packet is not all there, STALL when its
 * STALL bit is set. It answers the address in DCFG.DAD, SOF comes every frame while not
 * suspended.
 *
 * <p>The core sees the bus only while its AHB clock is on, the 48 MHz clock is within ±0.25%
 * (USB 2.0 §7.1.11: 12 Mb/s ±0.25% at full speed), its transceiver is powered (GCCFG.PWRDWN),
 * VBUS is sensed or sensing is off, and the pull-up is not soft-disconnected (DCTL.SDIS);
 * otherwise no reset, SOF or token reaches it and the host gets no answer.
 *
 * <p>Threads: register accesses come from the C side's thread, bus calls from the host's; one
 * lock serialises both, and the {@link IrqLine} is set under it (it only records).
 */
public final class OtgFsModel implements Peripheral, UsbDevicePort {

    static final long USB_CLOCK_HZ = 48_000_000L;
    /** ±0.25% of 48 MHz. */
    static final long USB_CLOCK_TOLERANCE_HZ = USB_CLOCK_HZ / 400;

    private static final int DCFG_WRITABLE = 0x1FFF;
    private static final int DCTL_WRITABLE = DCTL_RWUSIG | DCTL_SDIS | 0x70 | DCTL_POPRGDNE;
    private static final int DIEPMSK_WRITABLE = 0x7B;
    private static final int DOEPMSK_WRITABLE = 0x5B;
    private static final int GCCFG_WRITABLE = GCCFG_PWRDWN | GCCFG_VBUSASEN | GCCFG_VBUSBSEN | GCCFG_SOFOUTEN
            | GCCFG_NOVBUSSENS;

    private final Object lock = new Object();
    private final IrqLine irq;
    private final BooleanSupplier clockEnabled;
    private final LongSupplier pll48Hz;
    private final DeviceChanges changes = new DeviceChanges();
    private final FifoRam fifos = new FifoRam();

    private int gotgctl;
    private int gahbcfg;
    private int gusbcfg;
    private int gintsts;
    private int gintmsk;
    private int grxfsiz;
    private final int[] txfStart = new int[ENDPOINTS];
    private final int[] txfDepth = new int[ENDPOINTS];
    private int gccfg;
    private int hptxfsiz;
    private int dcfg;
    private int dctl;
    private int dsts;
    private int diepmsk;
    private int doepmsk;
    private int daintmsk;
    private int dvbusdis;
    private int dvbuspulse;
    private int diepempmsk;
    private int pcgcctl;
    private final InEndpoint[] in = new InEndpoint[ENDPOINTS];
    private final OutEndpoint[] out = new OutEndpoint[ENDPOINTS];

    /** The address the core answers tokens on. */
    private int address;
    /** A SETUP came and its status stage has not: a new DCFG.DAD waits for the status stage. */
    private boolean controlTransfer;
    private boolean suspended;
    private boolean vbusSensed;
    private boolean irqLevel;
    private String fault;

    /**
     * @param clockEnabled whether RCC gives the core its AHB2 clock (AHB2ENR.OTGFSEN)
     * @param pll48Hz the PLL's 48 MHz output (PLL48CK) in Hz; both are asked under the model's
     *     lock, so they must not call back into it
     */
    public OtgFsModel(IrqLine irq, BooleanSupplier clockEnabled, LongSupplier pll48Hz) {
        this.irq = irq;
        this.clockEnabled = clockEnabled;
        this.pll48Hz = pll48Hz;
        for (int x = 0; x < ENDPOINTS; x++) {
            in[x] = new InEndpoint(x);
            out[x] = new OutEndpoint(x);
        }
        gusbcfg = GUSBCFG_RESET;
        pcgcctl = 0;
        dcfg = DCFG_RESET;
        resetRegisters();
    }

    /**
     * Whether VBUS reaches PA9 (the B-device VBUS sense input). The WeAct black pill does not wire
     * it, so a driver that leaves VBUS sensing on (GCCFG.VBUSBSEN without NOVBUSSENS) never connects.
     */
    public void vbusSensed(boolean present) {
        synchronized (lock) {
            vbusSensed = present;
            changes.signal();
        }
    }

    /** The first thing the core refused (a FIFO plan that does not fit, a TX FIFO overrun), or null. */
    public String fault() {
        synchronized (lock) {
            return fault;
        }
    }

    // ---- the C side: registers ----

    @Override
    public int read(int offset) {
        synchronized (lock) {
            if (!clockEnabled.getAsBoolean()) {
                return 0; // a peripheral whose clock is off reads as 0
            }
            int value = readRegister(offset);
            update();
            return value;
        }
    }

    @Override
    public void write(int offset, int value) {
        synchronized (lock) {
            if (!clockEnabled.getAsBoolean()) {
                return;
            }
            writeRegister(offset, value);
            update();
            changes.signal();
        }
    }

    private int readRegister(int offset) {
        if (offset >= FIFO_WINDOW && offset < FIFO_WINDOW + ENDPOINTS * FIFO_WINDOW_SIZE) {
            return fifos.rxPop();
        }
        if (offset >= HOST_FIRST && offset <= HOST_LAST) {
            gintsts |= GINTSTS_MMIS;
            return 0;
        }
        if (offset >= diepctl(0) && offset < doepctl(0)) {
            return readInEndpoint((offset - diepctl(0)) / 0x20, offset & 0x1F);
        }
        if (offset >= doepctl(0) && offset < doepctl(ENDPOINTS)) {
            return readOutEndpoint((offset - doepctl(0)) / 0x20, offset & 0x1F);
        }
        for (int x = 1; x < ENDPOINTS; x++) {
            if (offset == dieptxf(x)) {
                return txfDepth[x] << FIFO_DEPTH_SHIFT | txfStart[x];
            }
        }
        switch (offset) {
            case GOTGCTL: return gotgctl;
            case GAHBCFG: return gahbcfg;
            case GUSBCFG: return gusbcfg;
            case GRSTCTL: return GRSTCTL_RESET | GRSTCTL_AHBIDL; // resets and flushes finish at once
            case GINTSTS: return gintsts;
            case GINTMSK: return gintmsk;
            case GRXSTSR: return fifos.rxPeek();
            case GRXSTSP: return popStatus();
            case GRXFSIZ: return grxfsiz;
            case DIEPTXF0: return txfDepth[0] << FIFO_DEPTH_SHIFT | txfStart[0];
            case HNPTXSTS: return HNPTXSTS_RESET;
            case GCCFG: return gccfg;
            case CID: return CID_RESET;
            case HPTXFSIZ: return hptxfsiz;
            case DCFG: return dcfg;
            case DCTL: return dctl;
            case DSTS: return dsts;
            case DIEPMSK: return diepmsk;
            case DOEPMSK: return doepmsk;
            case DAINT: return daint();
            case DAINTMSK: return daintmsk;
            case DVBUSDIS: return dvbusdis;
            case DVBUSPULSE: return dvbuspulse;
            case DIEPEMPMSK: return diepempmsk;
            case PCGCCTL: return pcgcctl;
            default: return 0;
        }
    }

    private int readInEndpoint(int x, int register) {
        switch (register) {
            case 0x00: return in[x].control;
            case 0x08: return in[x].interrupts | (txFifoEmpty(x) ? DIEPINT_TXFE : 0);
            case 0x10: return in[x].size;
            case 0x18: return (txfDepth[x] - fifos.txCount(x)) & DTXFSTS_INEPTFSAV_MASK;
            default: return 0;
        }
    }

    private int readOutEndpoint(int x, int register) {
        switch (register) {
            case 0x00: return out[x].control;
            case 0x08: return out[x].interrupts;
            case 0x10: return out[x].size;
            default: return 0;
        }
    }

    private void writeRegister(int offset, int value) {
        if (offset >= FIFO_WINDOW && offset < FIFO_WINDOW + ENDPOINTS * FIFO_WINDOW_SIZE) {
            pushTx((offset - FIFO_WINDOW) / FIFO_WINDOW_SIZE, value);
            return;
        }
        if (offset >= HOST_FIRST && offset <= HOST_LAST) {
            gintsts |= GINTSTS_MMIS;
            return;
        }
        if (offset >= diepctl(0) && offset < doepctl(0)) {
            writeInEndpoint((offset - diepctl(0)) / 0x20, offset & 0x1F, value);
            return;
        }
        if (offset >= doepctl(0) && offset < doepctl(ENDPOINTS)) {
            writeOutEndpoint((offset - doepctl(0)) / 0x20, offset & 0x1F, value);
            return;
        }
        for (int x = 1; x < ENDPOINTS; x++) {
            if (offset == dieptxf(x)) {
                txfStart[x] = value & FIFO_START_MASK;
                txfDepth[x] = value >>> FIFO_DEPTH_SHIFT;
                return;
            }
        }
        switch (offset) {
            case GOTGCTL -> gotgctl = (GOTGCTL_RESET & ~0x0F03) | (value & 0x0F03);
            case GAHBCFG -> gahbcfg = value & (GAHBCFG_GINTMSK | GAHBCFG_TXFELVL | 1 << 8);
            case GUSBCFG -> gusbcfg = value & (0x7 | GUSBCFG_PHYSEL | 0x3 << 8 | GUSBCFG_TRDT_MASK | GUSBCFG_FHMOD
                    | GUSBCFG_FDMOD | 1 << 31);
            case GRSTCTL -> resetControl(value);
            case GINTSTS -> gintsts &= ~(value & GINTSTS_RC_W1);
            case GINTMSK -> gintmsk = value & ~GINTSTS_CMOD;
            case GRXFSIZ -> grxfsiz = value & FIFO_START_MASK;
            case DIEPTXF0 -> {
                txfStart[0] = value & FIFO_START_MASK;
                txfDepth[0] = value >>> FIFO_DEPTH_SHIFT;
            }
            case GCCFG -> gccfg = value & GCCFG_WRITABLE;
            case HPTXFSIZ -> hptxfsiz = value;
            case DCFG -> writeDcfg(value);
            case DCTL -> writeDctl(value);
            case DIEPMSK -> diepmsk = value & DIEPMSK_WRITABLE;
            case DOEPMSK -> doepmsk = value & DOEPMSK_WRITABLE;
            case DAINTMSK -> daintmsk = value & (0xF | 0xF << DAINT_OUT_SHIFT);
            case DVBUSDIS -> dvbusdis = value & 0xFFFF;
            case DVBUSPULSE -> dvbuspulse = value & 0xFFF;
            case DIEPEMPMSK -> diepempmsk = value & 0xF;
            case PCGCCTL -> pcgcctl = value & (PCGCCTL_STPPCLK | PCGCCTL_GATEHCLK);
            default -> { } // read-only or reserved
        }
    }

    private void resetControl(int value) {
        if ((value & GRSTCTL_CSRST) != 0) {
            coreSoftReset();
        }
        if ((value & GRSTCTL_RXFFLSH) != 0) {
            fifos.rxFlush();
        }
        if ((value & GRSTCTL_TXFFLSH) != 0) {
            int n = (value & GRSTCTL_TXFNUM_MASK) >>> GRSTCTL_TXFNUM_SHIFT;
            for (int f = 0; f < ENDPOINTS; f++) {
                if (n == GRSTCTL_TXFNUM_ALL || n == f) {
                    fifos.txFlush(f);
                }
            }
        }
    }

    /**
     * CSRST: every register and state machine back to reset, the FIFOs flushed, except DCFG.DSPD
     * and PCGCCTL, which RM0368 keeps, and GUSBCFG, whose forced mode survives a soft reset.
     */
    private void coreSoftReset() {
        dcfg = DCFG_RESET & ~DCFG_DSPD_MASK | dcfg & DCFG_DSPD_MASK;
        resetRegisters();
        fifos.rxFlush();
        for (int f = 0; f < ENDPOINTS; f++) {
            fifos.txFlush(f);
        }
    }

    private void resetRegisters() {
        gotgctl = GOTGCTL_RESET;
        gahbcfg = 0;
        gintsts = GINTSTS_RESET;
        gintmsk = 0;
        grxfsiz = GRXFSIZ_RESET;
        txfStart[0] = DIEPTXF0_RESET & FIFO_START_MASK;
        txfDepth[0] = DIEPTXF0_RESET >>> FIFO_DEPTH_SHIFT;
        for (int x = 1; x < ENDPOINTS; x++) {
            txfStart[x] = DIEPTXF_RESET & FIFO_START_MASK;
            txfDepth[x] = DIEPTXF_RESET >>> FIFO_DEPTH_SHIFT;
        }
        gccfg = 0;
        hptxfsiz = HPTXFSIZ_RESET;
        dctl = 0;
        dsts = DSTS_RESET;
        diepmsk = 0;
        doepmsk = 0;
        daintmsk = 0;
        dvbusdis = DVBUSDIS_RESET;
        dvbuspulse = DVBUSPULSE_RESET;
        diepempmsk = 0;
        for (int x = 0; x < ENDPOINTS; x++) {
            in[x].reset();
            out[x].reset();
        }
        address = dcfgAddress();
        controlTransfer = false;
        suspended = false;
    }

    /**
     * RM0368 §22.17, endpoint initialization on SetAddress command: the driver writes DAD, then
     * sends the status IN packet. The host sends that status stage to the old address, so the core keeps
     * answering there until the status stage of the current control transfer is done.
     */
    private void writeDcfg(int value) {
        dcfg = value & DCFG_WRITABLE | DCFG_RESET & ~DCFG_WRITABLE;
        if (!controlTransfer) {
            address = dcfgAddress();
        }
    }

    private int dcfgAddress() {
        return (dcfg & DCFG_DAD_MASK) >>> DCFG_DAD_SHIFT;
    }

    private void writeDctl(int value) {
        int status = dctl & (DCTL_GINSTS | DCTL_GONSTS);
        if ((value & DCTL_SGINAK) != 0) {
            status |= DCTL_GINSTS;
        }
        if ((value & DCTL_CGINAK) != 0) {
            status &= ~DCTL_GINSTS;
        }
        if ((value & DCTL_SGONAK) != 0) {
            status |= DCTL_GONSTS;
        }
        if ((value & DCTL_CGONAK) != 0) {
            status &= ~DCTL_GONSTS;
        }
        dctl = value & DCTL_WRITABLE | status;
    }

    private void writeInEndpoint(int x, int register, int value) {
        switch (register) {
            case 0x00 -> in[x].writeControl(value, (value & EPCTL_EPENA) == 0
                    || planProblem(1 << txFifoOf(x, value)) == null);
            case 0x08 -> in[x].writeInterrupts(value);
            case 0x10 -> in[x].writeSize(value);
            default -> { }
        }
    }

    private void writeOutEndpoint(int x, int register, int value) {
        switch (register) {
            case 0x00 -> out[x].writeControl(value, in[0].control);
            case 0x08 -> out[x].writeInterrupts(value);
            case 0x10 -> out[x].writeSize(value);
            default -> { }
        }
    }

    private void pushTx(int n, int word) {
        String problem = planProblem(1 << n);
        if (problem != null) {
            return;
        }
        if (!fifos.txPush(n, word, txfDepth[n])) {
            refuse("TX FIFO " + n + " overrun: a word was written into it while full (" + txfDepth[n] + " words)");
        }
    }

    /** GRXSTSP: pops a status word; popping SETUP done or OUT done raises STUP or XFRC, as the core does. */
    private int popStatus() {
        if (!fifos.rxTopIsStatus()) {
            return fifos.rxPop();
        }
        int status = fifos.rxPop();
        out[status & GRXSTS_EPNUM_MASK & 0b11].onPopped((status & GRXSTS_PKTSTS_MASK) >>> GRXSTS_PKTSTS_SHIFT);
        return status;
    }

    // ---- the bus side ----

    @Override
    public void busReset() {
        synchronized (lock) {
            if (!connected()) {
                return;
            }
            gintsts |= GINTSTS_USBRST | GINTSTS_ENUMDNE; // reset, then the speed is known at its end
            dsts = dsts & ~(DSTS_SUSPSTS | 0b11 << DSTS_ENUMSPD_SHIFT) | DSTS_ENUMSPD_FULL;
            suspended = false;
            controlTransfer = false;
            address = dcfgAddress(); // the core does not clear DAD: the driver's reset handler must
            in[0].onBusReset();
            out[0].onBusReset();
            settle();
        }
    }

    @Override
    public void suspend() {
        synchronized (lock) {
            if (connected() && !suspended) {
                suspended = true;
                gintsts |= GINTSTS_ESUSP | GINTSTS_USBSUSP;
                dsts |= DSTS_SUSPSTS;
                settle();
            }
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            if (connected() && suspended) {
                suspended = false;
                gintsts |= GINTSTS_WKUPINT;
                dsts &= ~DSTS_SUSPSTS;
                settle();
            }
        }
    }

    @Override
    public void startOfFrame(int frameNumber) {
        synchronized (lock) {
            if (connected() && !suspended) {
                gintsts |= GINTSTS_SOF;
                dsts = dsts & ~(0x3FFF << DSTS_FNSOF_SHIFT) | (frameNumber & 0x3FFF) << DSTS_FNSOF_SHIFT;
                settle();
            }
        }
    }

    /** The core ACKs every SETUP it sees (USB 2.0 §8.5.3), stores it and NAKs EP0 until the driver answers. */
    @Override
    public UsbReply setup(int toAddress, int endpoint, byte[] setup8) {
        synchronized (lock) {
            if (!connected() || toAddress != address || endpoint != 0) {
                return UsbReply.NONE;
            }
            if (planProblem(1) == null) {
                if (fifos.rxFree(grxfsiz) < 1 + FifoRam.words(8) + 1) {
                    refuse("RX FIFO full: a SETUP was lost (GRXFSIZ " + grxfsiz + " words, not popped in time)");
                } else {
                    fifos.rxPush(OutEndpoint.rxStatus(PKTSTS_SETUP_DATA, 0, 8, 0), setup8, 8);
                    fifos.rxPush(OutEndpoint.rxStatus(PKTSTS_SETUP_DONE, 0, 0, 0), setup8, 0);
                }
            }
            in[0].onSetup();
            out[0].onSetup();
            controlTransfer = true;
            settle();
            return UsbReply.ACK;
        }
    }

    @Override
    public UsbReply out(int toAddress, int endpoint, UsbPacket packet) {
        synchronized (lock) {
            if (!connected() || toAddress != address || endpoint >= ENDPOINTS) {
                return UsbReply.NONE;
            }
            UsbReply reply = out[endpoint].receive(fifos, grxfsiz,
                    (dctl & DCTL_GONSTS) != 0 || planProblem(1) != null, in[0].maxPacket(), packet);
            if (endpoint == 0 && packet.length == 0 && reply == UsbReply.ACK) {
                statusStageDone(); // the status stage of a control read
            }
            settle();
            return reply;
        }
    }

    @Override
    public UsbReply in(int toAddress, int endpoint, UsbPacket into) {
        synchronized (lock) {
            if (!connected() || toAddress != address || endpoint >= ENDPOINTS) {
                return UsbReply.NONE;
            }
            UsbReply reply = in[endpoint].transmit(fifos, (dctl & DCTL_GINSTS) != 0, into);
            if (endpoint == 0 && reply == UsbReply.DATA && into.length == 0) {
                statusStageDone(); // the status stage of a control write, or a data stage's last ZLP
            }
            settle();
            return reply;
        }
    }

    @Override
    public long changes() {
        return changes.count();
    }

    @Override
    public void awaitChange(long seen, long timeoutNanos) throws InterruptedException {
        changes.await(seen, timeoutNanos);
    }

    // ---- state shared by both sides ----

    private void statusStageDone() {
        if (controlTransfer) {
            controlTransfer = false;
            address = dcfgAddress();
        }
    }

    /** Whether the core sees the bus at all (see the class comment). */
    private boolean connected() {
        boolean vbus = (gccfg & GCCFG_NOVBUSSENS) != 0 || (gccfg & GCCFG_VBUSBSEN) != 0 && vbusSensed;
        return clockEnabled.getAsBoolean() && Math.abs(pll48Hz.getAsLong() - USB_CLOCK_HZ) <= USB_CLOCK_TOLERANCE_HZ
                && (pcgcctl & PCGCCTL_STPPCLK) == 0 && (gccfg & GCCFG_PWRDWN) != 0 && vbus
                && (gusbcfg & GUSBCFG_FHMOD) == 0 && (dctl & DCTL_SDIS) == 0;
    }

    /**
     * The first problem with the FIFO plan for the RX FIFO, TX FIFO 0, the TX FIFOs of active IN
     * endpoints and those in {@code alsoUsed}; recorded as the fault when there is one.
     */
    private String planProblem(int alsoUsed) {
        int used = 1 | alsoUsed;
        for (int x = 1; x < ENDPOINTS; x++) {
            if (in[x].active()) {
                used |= 1 << in[x].txFifo();
            }
        }
        String problem = FifoRam.checkPlan(grxfsiz, txfStart, txfDepth, used);
        if (problem != null) {
            refuse(problem);
        }
        return problem;
    }

    private void refuse(String problem) {
        if (fault == null) {
            fault = problem;
            System.getLogger(OtgFsModel.class.getName()).log(System.Logger.Level.WARNING, "OTG_FS: " + problem);
        }
    }

    /** The TX FIFO IN endpoint x sends from once DIEPCTLx holds {@code control}. */
    private static int txFifoOf(int x, int control) {
        return x == 0 ? 0 : (control & EPCTL_TXFNUM_MASK) >>> EPCTL_TXFNUM_SHIFT & 0b11;
    }

    /** TXFE and DTXFSTSx look at endpoint x's own FIFO: each IN endpoint has a dedicated one. */
    private boolean txFifoEmpty(int x) {
        int count = fifos.txCount(x);
        return (gahbcfg & GAHBCFG_TXFELVL) != 0 ? count == 0 : count <= txfDepth[x] / 2;
    }

    private int daint() {
        int bits = 0;
        for (int x = 0; x < ENDPOINTS; x++) {
            int inMask = diepmsk | ((diepempmsk >>> x & 1) != 0 ? DIEPINT_TXFE : 0);
            if ((readInEndpoint(x, 0x08) & inMask) != 0) {
                bits |= 1 << x;
            }
            if ((out[x].interrupts & doepmsk) != 0) {
                bits |= 1 << (DAINT_OUT_SHIFT + x);
            }
        }
        return bits;
    }

    /** After a bus event: what the driver may now see changed, and the interrupt line follows. */
    private void settle() {
        update();
        changes.signal();
    }

    /** Recomputes GINTSTS's summary bits and drives the interrupt line (GAHBCFG.GINTMSK gates it). */
    private void update() {
        int endpoints = daint() & daintmsk;
        int summary = (endpoints & 0xFFFF) != 0 ? GINTSTS_IEPINT : 0;
        summary |= (endpoints >>> DAINT_OUT_SHIFT) != 0 ? GINTSTS_OEPINT : 0;
        summary |= fifos.rxEmpty() ? 0 : GINTSTS_RXFLVL;
        summary |= (dctl & DCTL_GINSTS) != 0 ? GINTSTS_GINAKEFF : 0;
        summary |= (dctl & DCTL_GONSTS) != 0 ? GINTSTS_GONAKEFF : 0;
        summary |= (gusbcfg & GUSBCFG_FHMOD) != 0 ? GINTSTS_CMOD : 0;
        int derived = GINTSTS_IEPINT | GINTSTS_OEPINT | GINTSTS_RXFLVL | GINTSTS_GINAKEFF | GINTSTS_GONAKEFF
                | GINTSTS_CMOD;
        gintsts = gintsts & ~derived | summary;
        boolean level = (gahbcfg & GAHBCFG_GINTMSK) != 0 && (gintsts & gintmsk) != 0;
        if (level != irqLevel) {
            irqLevel = level;
            irq.set(level);
        }
    }
}
