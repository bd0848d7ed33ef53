package org.skvmoip.firmware.atx;

import org.skvmoip.hal.DigitalInput;
import org.skvmoip.hal.DigitalOutput;

/**
 * The target machine's ATX front-panel header, as the module drives and reads it.
 *
 * <p>Wiring (docs/wiring.md): each button output drives an optocoupler whose transistor is
 * across the header's PWRSW or RESET pins, so an output HIGH = the button is pressed (pins
 * shorted), LOW = released. The power LED and HDD LED header pins drive optocoupler LEDs whose
 * transistors pull the inputs, so an input HIGH = that LED is lit.
 *
 * <p>Presses are timed here, never by the caller: each kind has a fixed length
 * ({@link #SHORT_PRESS_MILLIS}, {@link #LONG_PRESS_MILLIS}, {@link #RESET_PULSE_MILLIS}),
 * all at most {@link #MAX_PRESS_MILLIS}, and {@link #poll} lets go when it is over. One press
 * at a time over both buttons: a request while one runs answers {@link #BUSY} and is not
 * queued (a queued power press would act on a machine whose state has moved on).
 *
 * <p>The intent-level operations ({@link #powerOn}, {@link #powerOff}, {@link #powerOffHard},
 * {@link #resetHard}) live here, beside the raw presses, and look at the debounced power LED
 * first, so a repeated "power on" never turns a running machine off.
 *
 * <p>Everything is allocated in the constructor; no method allocates.
 */
public final class FrontPanel {

    // Press kinds (also the raw action codes a protocol message can carry).
    public static final int PRESS_NONE = 0;
    /** Power button, short: turns an off machine on, asks a running OS to shut down. */
    public static final int PRESS_SHORT = 1;
    /** Power button, long: forces the machine off (the ATX power-button override). */
    public static final int PRESS_LONG = 2;
    /** Reset button pulse: hard reset. */
    public static final int PRESS_RESET = 3;

    /** Long enough for every board's button debounce (tens of ms), short of any "held" meaning. */
    public static final int SHORT_PRESS_MILLIS = 200;
    /**
     * The ACPI power-button override forces power off after the button is held 4 s; 5 s leaves
     * a margin for boards that count from their own debounced edge.
     */
    public static final int LONG_PRESS_MILLIS = 5000;
    public static final int RESET_PULSE_MILLIS = 200;
    /** No press, of any kind, keeps a button down longer than this. */
    public static final int MAX_PRESS_MILLIS = LONG_PRESS_MILLIS;

    /** LED sampling period: with {@link PowerLedMonitor#STABLE_SAMPLES} it sets the debounce. */
    public static final int SAMPLE_PERIOD_MILLIS = 10;

    // Results of the press requests (>= 0: the press started or was not needed).
    /** A press started. */
    public static final int OK = 0;
    /** Intent already met (for example power on while the power LED is lit): nothing pressed. */
    public static final int ALREADY_DONE = 1;
    /** Another press is still running; nothing new was pressed. Try again after it ends. */
    public static final int BUSY = -1;
    /** Not one of the press kinds. */
    public static final int UNKNOWN_PRESS = -2;

    // Bits of what poll() reports as changed.
    public static final int CHANGED_POWER_LED = 1;
    public static final int CHANGED_HDD_ACTIVITY = 2;
    public static final int PRESS_ENDED = 4;

    private final DigitalOutput powerButton;
    private final DigitalOutput resetButton;
    private final DigitalInput powerLedInput;
    private final DigitalInput hddLedInput;
    private final PowerLedMonitor powerLed = new PowerLedMonitor();
    private final HddActivityMonitor hdd = new HddActivityMonitor();

    private int activePress = PRESS_NONE;
    private long pressEndsAt;
    private long nextSampleAt;

    /** Starts with both buttons released. */
    public FrontPanel(DigitalOutput powerButton, DigitalOutput resetButton, DigitalInput powerLed,
            DigitalInput hddLed) {
        this.powerButton = powerButton;
        this.resetButton = resetButton;
        this.powerLedInput = powerLed;
        this.hddLedInput = hddLed;
        powerButton.low();
        resetButton.low();
    }

    /** Starts a press of {@code kind} ({@link #PRESS_SHORT}, {@link #PRESS_LONG}, {@link #PRESS_RESET}). */
    public int press(int kind, long nowMillis) {
        int length;
        DigitalOutput button;
        switch (kind) {
            case PRESS_SHORT:
                length = SHORT_PRESS_MILLIS;
                button = powerButton;
                break;
            case PRESS_LONG:
                length = LONG_PRESS_MILLIS;
                button = powerButton;
                break;
            case PRESS_RESET:
                length = RESET_PULSE_MILLIS;
                button = resetButton;
                break;
            default:
                return UNKNOWN_PRESS;
        }
        if (activePress != PRESS_NONE) {
            return BUSY;
        }
        activePress = kind;
        pressEndsAt = nowMillis + Math.min(length, MAX_PRESS_MILLIS);
        button.high();
        return OK;
    }

    /** Turns the machine on: a short press, only if the power LED is off or blinking (asleep). */
    public int powerOn(long nowMillis) {
        return powerLed.state() == PowerLedMonitor.ON ? ALREADY_DONE : press(PRESS_SHORT, nowMillis);
    }

    /** Asks the OS to shut down: a short press, only if the power LED is steadily on. */
    public int powerOff(long nowMillis) {
        return powerLed.state() == PowerLedMonitor.ON ? press(PRESS_SHORT, nowMillis) : ALREADY_DONE;
    }

    /** Forces the machine off: a long press, only if the power LED is not off. */
    public int powerOffHard(long nowMillis) {
        return powerLed.state() == PowerLedMonitor.OFF ? ALREADY_DONE : press(PRESS_LONG, nowMillis);
    }

    /** Hard reset: a reset pulse, only if the power LED is not off (reset does nothing when off). */
    public int resetHard(long nowMillis) {
        return powerLed.state() == PowerLedMonitor.OFF ? ALREADY_DONE : press(PRESS_RESET, nowMillis);
    }

    /** Lets go of both buttons at once (session lost, protocol error, release-all). */
    public void releaseAll() {
        powerButton.low();
        resetButton.low();
        activePress = PRESS_NONE;
    }

    /**
     * Ends a press that is due and samples the LEDs when a sample is due. Call it whenever the
     * main loop wakes, and at the latest at {@link #nextDeadline()}.
     *
     * @return the {@code CHANGED_*} and {@link #PRESS_ENDED} bits of what changed, 0 if nothing
     */
    public int poll(long nowMillis) {
        int changed = 0;
        if (activePress != PRESS_NONE && nowMillis >= pressEndsAt) {
            releaseAll();
            changed |= PRESS_ENDED;
        }
        if (settled()) {
            if (powerLedInput.isHigh() == powerLed.isLit() && !hddLedInput.isHigh()) {
                return changed; // nothing moved: keep sleeping until a line's edge wakes the loop
            }
            nextSampleAt = nowMillis; // an edge: sample from now until the levels settle again
        }
        if (nowMillis >= nextSampleAt) {
            // One sample per call even after a late wake-up: catching up would sample the same level.
            nextSampleAt = nowMillis + SAMPLE_PERIOD_MILLIS;
            if (powerLed.sample(powerLedInput.isHigh(), nowMillis)) {
                changed |= CHANGED_POWER_LED;
            }
            if (hdd.sample(hddLedInput.isHigh(), nowMillis)) {
                changed |= CHANGED_HDD_ACTIVITY;
            }
        }
        return changed;
    }

    /** When {@link #poll} next has work: the running press's end or the next LED sample. */
    public long nextDeadline() {
        long sample = settled() ? Long.MAX_VALUE : nextSampleAt;
        return activePress != PRESS_NONE && pressEndsAt < sample ? pressEndsAt : sample;
    }

    /**
     * Both LEDs debounced and nothing timed running: an idle module need not wake to sample
     * them. The board routes both LED lines' edges to the main loop's wake-up (EXTI on the
     * device), and the next {@link #poll} after an edge resumes sampling.
     */
    private boolean settled() {
        return powerLed.settled() && hdd.settled();
    }

    /** The press kind now running, {@link #PRESS_NONE} if none. */
    public int activePress() {
        return activePress;
    }

    /** {@link PowerLedMonitor#OFF}, {@link PowerLedMonitor#ON} or {@link PowerLedMonitor#BLINKING}. */
    public int powerLed() {
        return powerLed.state();
    }

    /** Whether the HDD LED was lit within the last {@link HddActivityMonitor#WINDOW_MILLIS}. */
    public boolean hddActive() {
        return hdd.isActive();
    }

    /** A description of a press request's result for logs and error frames; no allocation. */
    public static String describeResult(int result) {
        switch (result) {
            case OK:
                return "press started";
            case ALREADY_DONE:
                return "nothing to do: the power LED already shows the requested state";
            case BUSY:
                return "another front-panel press is still running; try again when it ends";
            case UNKNOWN_PRESS:
                return "unknown press kind (1 short, 2 long, 3 reset)";
            default:
                return "unknown result";
        }
    }
}
