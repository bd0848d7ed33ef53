package org.skvmoip.sim.stm32;

/**
 * The nested vectored interrupt controller (PM0214 §4.2) for the F401's 85 interrupts (RM0368
 * §10.2, table 38), mapped at 0xE000E100. Requests are level-sensitive ({@link IrqLine}): a line
 * held high pends again when its handler returns. Priorities (IPR) are stored and pick which
 * pending interrupt is taken first; a handler is not preempted here (see package-info).
 *
 * <p>Its own monitor guards it: peripheral models raise lines from their own threads (the OTG
 * core on the USB host's thread), and the CPU takes interrupts under its lock.
 */
public final class Nvic implements Peripheral {

    public static final int IRQ_COUNT = 85;
    private static final int WORDS = (IRQ_COUNT + 31) / 32;

    // Offsets from 0xE000E100 (PM0214 §4.2, table 47)
    static final int ISER = 0x000;
    static final int ICER = 0x080;
    static final int ISPR = 0x100;
    static final int ICPR = 0x180;
    static final int IABR = 0x200;
    static final int IPR = 0x300;
    /** Last byte of IPR20; STIR (0xE000EF00) is not modelled. */
    static final int SIZE = IPR + 4 * 21;

    private final int[] enabled = new int[WORDS];
    private final int[] pending = new int[WORDS];
    private final int[] active = new int[WORDS];
    private final boolean[] level = new boolean[IRQ_COUNT];
    private final byte[] priority = new byte[IRQ_COUNT];
    private Runnable onPending = () -> { };

    void onPending(Runnable listener) {
        this.onPending = listener;
    }

    /** Interrupt request {@code irq}'s line, for the peripheral that raises it. */
    public IrqLine line(int irq) {
        if (irq < 0 || irq >= IRQ_COUNT) {
            throw new IllegalArgumentException("IRQ " + irq + ": the F401 has interrupts 0.." + (IRQ_COUNT - 1));
        }
        return high -> raise(irq, high);
    }

    private void raise(int irq, boolean high) {
        boolean wake;
        synchronized (this) {
            level[irq] = high;
            wake = high && !isSet(pending, irq);
            if (high) {
                set(pending, irq, true);
            }
        }
        if (wake) {
            onPending.run();
        }
    }

    /**
     * Takes the pending, enabled, inactive interrupt of highest priority (lowest IPR value, then
     * lowest number): it becomes active and no longer pending. -1 when there is none.
     */
    synchronized int take() {
        int best = -1;
        for (int w = 0; w < WORDS; w++) {
            int ready = pending[w] & enabled[w] & ~active[w];
            while (ready != 0) {
                int irq = w * 32 + Integer.numberOfTrailingZeros(ready);
                ready &= ready - 1;
                if (best < 0 || (priority[irq] & 0xFF) < (priority[best] & 0xFF)) {
                    best = irq;
                }
            }
        }
        if (best >= 0) {
            set(pending, best, false);
            set(active, best, true);
        }
        return best;
    }

    /** Whether an enabled interrupt is pending and not active (one the CPU would take). */
    synchronized boolean hasRequest() {
        for (int w = 0; w < WORDS; w++) {
            if ((pending[w] & enabled[w] & ~active[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The handler of {@code irq} returned: a line still high pends again. */
    synchronized void finished(int irq) {
        set(active, irq, false);
        if (level[irq]) {
            set(pending, irq, true);
        }
    }

    public synchronized boolean isEnabled(int irq) {
        return isSet(enabled, irq);
    }

    public synchronized boolean isPending(int irq) {
        return isSet(pending, irq);
    }

    @Override
    public synchronized int read(int offset) {
        int word = (offset & 0x7F) >> 2;
        if (offset >= IPR) {
            int first = offset - IPR;
            int value = 0;
            for (int b = 0; b < 4 && first + b < IRQ_COUNT; b++) {
                value |= (priority[first + b] & 0xF0) << (8 * b);
            }
            return value;
        }
        if (word >= WORDS) {
            return 0;
        }
        switch (offset & ~0x7F) {
            case ISER:
            case ICER:
                return enabled[word];
            case ISPR:
            case ICPR:
                return pending[word];
            case IABR:
                return active[word];
            default:
                return 0;
        }
    }

    @Override
    public void write(int offset, int value) {
        boolean wake = false;
        synchronized (this) {
            int word = (offset & 0x7F) >> 2;
            if (offset >= IPR) {
                int first = offset - IPR;
                for (int b = 0; b < 4 && first + b < IRQ_COUNT; b++) {
                    // The F401 implements the top four bits of each priority byte (PM0214 §4.2.7).
                    priority[first + b] = (byte) ((value >>> (8 * b)) & 0xF0);
                }
                return;
            }
            if (word >= WORDS) {
                return;
            }
            int mask = word == WORDS - 1 ? (1 << (IRQ_COUNT - 32 * word)) - 1 : -1;
            value &= mask;
            switch (offset & ~0x7F) {
                case ISER:
                    wake = (value & pending[word] & ~enabled[word]) != 0;
                    enabled[word] |= value;
                    break;
                case ICER:
                    enabled[word] &= ~value;
                    break;
                case ISPR:
                    wake = (value & ~pending[word]) != 0;
                    pending[word] |= value;
                    break;
                case ICPR:
                    pending[word] &= ~value;
                    for (int b = 0; b < 32 && 32 * word + b < IRQ_COUNT; b++) {
                        if ((value & (1 << b)) != 0 && level[32 * word + b]) {
                            pending[word] |= 1 << b; // a line still asserted pends again at once
                        }
                    }
                    break;
                default:
                    break; // IABR is read-only
            }
        }
        if (wake) {
            onPending.run();
        }
    }

    private static boolean isSet(int[] bits, int irq) {
        return (bits[irq >> 5] & (1 << (irq & 31))) != 0;
    }

    private static void set(int[] bits, int irq, boolean on) {
        if (on) {
            bits[irq >> 5] |= 1 << (irq & 31);
        } else {
            bits[irq >> 5] &= ~(1 << (irq & 31));
        }
    }
}
