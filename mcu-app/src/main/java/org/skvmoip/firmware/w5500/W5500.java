package org.skvmoip.firmware.w5500;

import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.hal.Clock;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;

/**
 * The W5500 chip: hardware reset, identity check, network configuration, link state and the
 * interrupt line. Sockets are reached through {@link #socket(int)}.
 *
 * <p>Start-up follows the datasheet's initialisation order (§5.1): reset, then common
 * registers (addresses), then socket buffer sizes, then sockets.
 */
public final class W5500 {

    public static final int STATE_OFF = 0;
    public static final int STATE_READY = 1;
    /** VERSIONR never read 0x04: no chip, a broken SPI line, or another part. */
    public static final int STATE_NO_CHIP = 2;

    /** Hardware resets tried before the chip is declared missing. */
    static final int RESET_ATTEMPTS = 3;
    /** RSTn must stay low at least 500 us (§5.5.2); 1 ms is the clock's resolution. */
    private static final int RESET_LOW_MILLIS = 1;
    /** After RSTn rises the internal PLL needs up to 1 ms to lock before SPI is reliable. */
    private static final int RESET_SETTLE_MILLIS = 2;

    private final W5500Bus bus;
    private final DigitalOutput resetPin;
    private final InterruptLine interruptLine;
    private final Clock clock;
    private final W5500Socket[] sockets = new W5500Socket[SpiFrame.SOCKETS];
    /** GAR, SUBR, SHAR, SIPR are adjacent (0x0001..0x0012): written in one frame. */
    private final byte[] addressBlock = new byte[18];

    private int state = STATE_OFF;
    private int socketInterruptMask;
    private int lastVersion;

    public W5500(SpiDevice spi, DigitalOutput resetPin, InterruptLine interruptLine, Clock clock) {
        this.bus = new W5500Bus(spi);
        this.resetPin = resetPin;
        this.interruptLine = interruptLine;
        this.clock = clock;
        for (int i = 0; i < sockets.length; i++) {
            sockets[i] = new W5500Socket(this, bus, i);
        }
    }

    /**
     * Resets the chip through RSTn and checks its version, retrying a few times; then writes
     * the addresses. Returns whether the chip is ready; when it is not, {@link #state()} is
     * {@link #STATE_NO_CHIP} and the caller decides when to try again - this never hangs.
     */
    public boolean start(NetworkConfig config) {
        for (int attempt = 0; attempt < RESET_ATTEMPTS; attempt++) {
            hardReset();
            lastVersion = bus.readByte(SpiFrame.BSB_COMMON, CommonRegisters.VERSIONR);
            if (lastVersion == CommonRegisters.VERSION_W5500) {
                writeAddresses(config);
                socketInterruptMask = 0;
                state = STATE_READY;
                return true;
            }
        }
        state = STATE_NO_CHIP;
        return false;
    }

    private void hardReset() {
        resetPin.low();
        clock.sleepMillis(RESET_LOW_MILLIS);
        resetPin.high();
        clock.sleepMillis(RESET_SETTLE_MILLIS);
    }

    /** Writes gateway, subnet mask, MAC and IP in one burst. */
    public void writeAddresses(NetworkConfig config) {
        System.arraycopy(config.gateway, 0, addressBlock, 0, 4);
        System.arraycopy(config.subnet, 0, addressBlock, 4, 4);
        System.arraycopy(config.mac, 0, addressBlock, 8, 6);
        System.arraycopy(config.ip, 0, addressBlock, 14, 4);
        bus.write(SpiFrame.BSB_COMMON, CommonRegisters.GAR, addressBlock, 0, addressBlock.length);
    }

    /** Lets socket {@code n}'s interrupts (masked by its Sn_IMR) assert INTn. */
    public void enableSocketInterrupt(int n) {
        socketInterruptMask |= 1 << n;
        bus.writeByte(SpiFrame.BSB_COMMON, CommonRegisters.SIMR, socketInterruptMask);
    }

    /**
     * Whether the chip has lost what we configured: a brown-out or glitch resets it without
     * telling us, and then SIMR reads back its reset value 0. One 4-byte SPI frame.
     */
    public boolean configurationLost() {
        return state != STATE_READY
                || bus.readByte(SpiFrame.BSB_COMMON, CommonRegisters.SIMR) != socketInterruptMask;
    }

    public boolean linkUp() {
        return (bus.readByte(SpiFrame.BSB_COMMON, CommonRegisters.PHYCFGR) & CommonRegisters.PHYCFGR_LNK) != 0;
    }

    /** SIR: bit n set while socket n has an interrupt pending. */
    public int pendingSocketInterrupts() {
        return bus.readByte(SpiFrame.BSB_COMMON, CommonRegisters.SIR);
    }

    /** Sleeps until INTn is asserted or the deadline passes; returns whether it is asserted. */
    public boolean awaitInterrupt(long deadlineMillis) {
        return interruptLine.awaitAsserted(deadlineMillis);
    }

    public W5500Socket socket(int n) {
        return sockets[n];
    }

    public int state() {
        return state;
    }

    /** The VERSIONR value read by the last start(); 0x04 on a healthy chip. */
    public int lastVersion() {
        return lastVersion;
    }

    public W5500Bus bus() {
        return bus;
    }

    public static String describeState(int state) {
        switch (state) {
            case STATE_OFF:
                return "not started";
            case STATE_READY:
                return "ready";
            case STATE_NO_CHIP:
                return "W5500 not found: VERSIONR did not read 0x04 after " + RESET_ATTEMPTS
                        + " resets; check SPI wiring, 3.3 V supply and the RSTn line";
            default:
                return "unknown";
        }
    }
}
