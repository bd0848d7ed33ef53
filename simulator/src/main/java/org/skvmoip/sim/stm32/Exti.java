package org.skvmoip.sim.stm32;

/**
 * The external interrupt controller (RM0368 §10.3): edge detection per line (RTSR rising, FTSR
 * falling), the mask (IMR; EMR events are stored, nothing consumes them), software triggers
 * (SWIER) and the pending bits (PR, cleared by writing 1). A pending, unmasked line raises its
 * NVIC interrupt: EXTI0..4 have their own (IRQ 6..10), lines 5..9 share EXTI9_5 (23), 10..15
 * share EXTI15_10 (40) (RM0368 §10.2, table 38). An edge on a masked line is not remembered.
 */
public final class Exti implements Peripheral, Gpio.EdgeSink {

    // Register offsets (RM0368 §10.3.7, register map)
    static final int IMR = 0x00;
    static final int EMR = 0x04;
    static final int RTSR = 0x08;
    static final int FTSR = 0x0C;
    static final int SWIER = 0x10;
    static final int PR = 0x14;
    static final int SIZE = 0x400;
    /** Lines 0..22 less the F401's reserved 19 and 20. */
    static final int LINES = 0x0067_FFFF;

    public static final int IRQ_EXTI0 = 6;
    public static final int IRQ_EXTI9_5 = 23;
    public static final int IRQ_EXTI15_10 = 40;

    private final Syscfg syscfg;
    private final IrqLine[] gpioIrqs = new IrqLine[7];
    private int imr;
    private int emr;
    private int rtsr;
    private int ftsr;
    private int swier;
    private int pr;

    Exti(Syscfg syscfg, Nvic nvic) {
        this.syscfg = syscfg;
        for (int i = 0; i < 5; i++) {
            gpioIrqs[i] = nvic.line(IRQ_EXTI0 + i);
        }
        gpioIrqs[5] = nvic.line(IRQ_EXTI9_5);
        gpioIrqs[6] = nvic.line(IRQ_EXTI15_10);
    }

    @Override
    public void edge(int port, int pin, boolean rising) {
        if (syscfg.portOf(pin) != port) {
            return;
        }
        int bit = 1 << pin;
        if (((rising ? rtsr : ftsr) & bit) != 0 && (imr & bit) != 0) {
            pr |= bit;
            update();
        }
    }

    /** Pending lines, for tests. */
    public int pending() {
        return pr;
    }

    @Override
    public int read(int offset) {
        switch (offset) {
            case IMR:
                return imr;
            case EMR:
                return emr;
            case RTSR:
                return rtsr;
            case FTSR:
                return ftsr;
            case SWIER:
                return swier;
            case PR:
                return pr;
            default:
                return 0;
        }
    }

    @Override
    public void write(int offset, int value) {
        value &= LINES;
        switch (offset) {
            case IMR:
                imr = value;
                break;
            case EMR:
                emr = value;
                break;
            case RTSR:
                rtsr = value;
                break;
            case FTSR:
                ftsr = value;
                break;
            case SWIER:
                // A 0-to-1 write sets the pending bit of an unmasked line; SWIER clears with PR.
                int rising = value & ~swier;
                swier |= value;
                pr |= rising & imr;
                break;
            case PR:
                pr &= ~value;
                swier &= ~value;
                break;
            default:
                return;
        }
        update();
    }

    private void update() {
        int requests = pr & imr;
        for (int i = 0; i < 5; i++) {
            gpioIrqs[i].set((requests & (1 << i)) != 0);
        }
        gpioIrqs[5].set((requests & 0x03E0) != 0);
        gpioIrqs[6].set((requests & 0xFC00) != 0);
    }
}
