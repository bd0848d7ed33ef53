package org.skvmoip.sim.stm32;

/**
 * One general-purpose I/O port, A, B or C (RM0368 §8.4). A pin drives what it is wired to only
 * while it is an output (push-pull, or open-drain pulling low); otherwise the wire takes its
 * released level. An input reads its external driver, or with none its pull (floating reads 0).
 * Inputs are sampled under the CPU; their edges go to the EXTI through SYSCFG's line selection.
 */
public final class Gpio implements Peripheral {

    // Register offsets (RM0368 §8.4.11, register map)
    static final int MODER = 0x00;
    static final int OTYPER = 0x04;
    static final int OSPEEDR = 0x08;
    static final int PUPDR = 0x0C;
    static final int IDR = 0x10;
    static final int ODR = 0x14;
    static final int BSRR = 0x18;
    static final int LCKR = 0x1C;
    static final int AFRL = 0x20;
    static final int AFRH = 0x24;
    static final int SIZE = 0x400;

    // MODER field values
    public static final int MODE_INPUT = 0;
    public static final int MODE_OUTPUT = 1;
    public static final int MODE_ALTERNATE = 2;
    public static final int MODE_ANALOG = 3;
    // PUPDR field values
    static final int PULL_UP = 1;
    static final int PULL_DOWN = 2;

    /** Where a port's input edges go: EXTI via SYSCFG's EXTICR. */
    interface EdgeSink {
        void edge(int port, int pin, boolean rising);
    }

    private final int port;
    private final EdgeSink edges;
    private int moder;
    private int otyper;
    private int ospeedr;
    private int pupdr;
    private int odr;
    private int afrl;
    private int afrh;
    private final PinInput[] inputs = new PinInput[16];
    private final int[] seenChanges = new int[16];
    private final boolean[] seenLevel = new boolean[16];
    private final PinOutput[] outputs = new PinOutput[16];
    private final boolean[] released = new boolean[16];
    private final boolean[] told = new boolean[16];

    /** @param port 0 for GPIOA, 1 for B, 2 for C */
    Gpio(int port, EdgeSink edges) {
        this.port = port;
        this.edges = edges;
        reset();
    }

    /** Reset values (RM0368 §8.4): port A and B keep their debug pins (SWD, JTAG) in alternate function. */
    void reset() {
        moder = port == 0 ? 0xA800_0000 : port == 1 ? 0x0000_0280 : 0;
        ospeedr = port == 0 ? 0x0C00_0000 : port == 1 ? 0x0000_00C0 : 0;
        pupdr = port == 0 ? 0x6400_0000 : port == 1 ? 0x0000_0100 : 0;
        otyper = 0;
        odr = 0;
        afrl = 0;
        afrh = 0;
        updateOutputs();
    }

    /** Wires pin {@code pin} to an external driver. */
    void connectInput(int pin, PinInput input) {
        inputs[pin] = input;
        seenChanges[pin] = input.changes();
        seenLevel[pin] = level(pin);
    }

    /** Wires pin {@code pin} to what it drives; {@code releasedLevel}: the level while the pin does not drive it. */
    void connectOutput(int pin, PinOutput output, boolean releasedLevel) {
        outputs[pin] = output;
        released[pin] = releasedLevel;
        told[pin] = releasedLevel;
        output.level(releasedLevel);
        updateOutputs();
    }

    public int mode(int pin) {
        return (moder >>> (2 * pin)) & 3;
    }

    /** The alternate function selected for {@code pin}, or -1 when it is not in alternate-function mode. */
    public int alternateFunction(int pin) {
        if (mode(pin) != MODE_ALTERNATE) {
            return -1;
        }
        return pin < 8 ? (afrl >>> (4 * pin)) & 0xF : (afrh >>> (4 * (pin - 8))) & 0xF;
    }

    public int pull(int pin) {
        return (pupdr >>> (2 * pin)) & 3;
    }

    /** The pad's level as IDR reads it. */
    public boolean level(int pin) {
        int mode = mode(pin);
        if (mode == MODE_ANALOG) {
            return false;
        }
        boolean openDrain = (otyper & (1 << pin)) != 0;
        boolean odrHigh = (odr & (1 << pin)) != 0;
        if (mode == MODE_OUTPUT && (!openDrain || !odrHigh)) {
            return odrHigh;
        }
        if (inputs[pin] != null && inputs[pin].driven()) {
            return inputs[pin].level();
        }
        return pull(pin) == PULL_UP;
    }

    /**
     * Takes the edges the external drivers made since the last look (under the CPU): a changed
     * level is one edge; changes that came back to the level seen last time were a pulse, two.
     */
    void sampleInputs() {
        for (int pin = 0; pin < 16; pin++) {
            PinInput input = inputs[pin];
            if (input == null) {
                continue;
            }
            int changes = input.changes();
            if (changes == seenChanges[pin]) {
                continue;
            }
            int count = changes - seenChanges[pin];
            boolean was = seenLevel[pin];
            boolean now = level(pin);
            seenChanges[pin] = changes;
            seenLevel[pin] = now;
            if (mode(pin) == MODE_ANALOG) {
                continue;
            }
            if (now != was) {
                edges.edge(port, pin, now);
            } else if (count >= 2) {
                edges.edge(port, pin, !was);
                edges.edge(port, pin, was);
            }
        }
    }

    @Override
    public int read(int offset) {
        switch (offset) {
            case MODER:
                return moder;
            case OTYPER:
                return otyper;
            case OSPEEDR:
                return ospeedr;
            case PUPDR:
                return pupdr;
            case IDR:
                sampleInputs();
                int idr = 0;
                for (int pin = 0; pin < 16; pin++) {
                    idr |= level(pin) ? 1 << pin : 0;
                }
                return idr;
            case ODR:
                return odr;
            case AFRL:
                return afrl;
            case AFRH:
                return afrh;
            default:
                return 0; // BSRR reads 0; LCKR is not modelled (nothing locks)
        }
    }

    @Override
    public void write(int offset, int value) {
        switch (offset) {
            case MODER:
                moder = value;
                break;
            case OTYPER:
                otyper = value & 0xFFFF;
                break;
            case OSPEEDR:
                ospeedr = value;
                break;
            case PUPDR:
                pupdr = value;
                break;
            case ODR:
                odr = value & 0xFFFF;
                break;
            case BSRR:
                // RM0368 §8.4.7: a set bit wins over a reset bit of the same pin.
                odr = (odr & ~(value >>> 16) | value) & 0xFFFF;
                break;
            case AFRL:
                afrl = value;
                break;
            case AFRH:
                afrh = value;
                break;
            default:
                return; // IDR is read-only
        }
        updateOutputs();
    }

    private void updateOutputs() {
        for (int pin = 0; pin < 16; pin++) {
            PinOutput output = outputs[pin];
            if (output == null) {
                continue;
            }
            boolean openDrain = (otyper & (1 << pin)) != 0;
            boolean odrHigh = (odr & (1 << pin)) != 0;
            boolean drives = mode(pin) == MODE_OUTPUT && (!openDrain || !odrHigh);
            boolean level = drives ? odrHigh : released[pin];
            if (level != told[pin]) {
                told[pin] = level;
                output.level(level);
            }
        }
    }
}
