package org.skvmoip.sim.machine;

import java.awt.image.BufferedImage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.skvmoip.hal.Clock;
import org.skvmoip.sim.gpio.Wire;
import org.skvmoip.sim.usb.HostInputListener;
import org.skvmoip.sim.video.FrameSource;

/**
 * The machine the module controls: an ATX power state machine behind the front-panel header,
 * an OS console that takes the decoded USB keyboard and pointer input, and a screen.
 *
 * <p>Front panel, as a real PC behaves: a press is the button line held at least
 * {@link #PRESS_MIN_MILLIS} (shorter is contact noise the board ignores) and counts when
 * released. OFF + press: power on, BOOTING (BIOS screen, HDD LED blinking) for
 * {@link #BOOT_MILLIS}, then RUNNING. RUNNING + press: the OS shuts down
 * ({@link #SHUTDOWN_MILLIS}) to OFF. BOOTING + press: off at once (no OS yet to ask; the
 * chipset acts on the button itself). SHUTTING_DOWN + press: ignored. The power line held
 * {@link #POWER_OVERRIDE_MILLIS} while on forces OFF at that mark, before the release; a hold
 * that long never leaves the machine on, from OFF either. The reset line pressed while on
 * reboots (BOOTING again, from the release).
 *
 * <p>Input: only the RUNNING console takes keys and pointer moves; during the BIOS, shutdown
 * and off states they are dropped (Shift's held state is still tracked). Power-off and reboot
 * clear the keyboard LEDs, as a BIOS re-initialising the keyboard does.
 *
 * <p>Time comes from the {@link Clock}; the machine catches up whenever it is read or driven
 * (the LED lines run {@link #update()} before each read), so no thread is needed and a
 * {@link org.skvmoip.sim.board.ManualClock} steps it exactly.
 */
public final class VirtualTarget implements HostInputListener, FrameSource {

    public static final int PRESS_MIN_MILLIS = 50;
    public static final int BOOT_MILLIS = 1500;
    public static final int SHUTDOWN_MILLIS = 1000;
    /** The ACPI power-button override: held this long while on, power is cut. */
    public static final int POWER_OVERRIDE_MILLIS = 4000;
    /** During boot and shutdown the HDD LED is lit for the first half of each period. */
    public static final int HDD_BLINK_PERIOD_MILLIS = 200;
    /** The console's disk activity after a command line (Enter). */
    public static final int HDD_ACTIVITY_MILLIS = 100;

    private static final long RELEASED = Long.MIN_VALUE;

    private final Clock clock;
    private final Wire powerButton = new Wire("front panel PWRSW");
    private final Wire resetButton = new Wire("front panel RESET");
    private final Wire powerLed = new Wire("front panel PWR LED");
    private final Wire hddLed = new Wire("front panel HDD LED");
    private final Console console = new Console();
    private final TargetKeyboard keyboard = new TargetKeyboard(console);
    private final Pointer pointer = new Pointer();
    private final ScreenRenderer renderer = new ScreenRenderer();
    private final CopyOnWriteArrayList<KeyboardLeds.Listener> ledListeners = new CopyOnWriteArrayList<>();

    private PowerState state = PowerState.OFF;
    private long stateSince;
    private long powerPressedSince = RELEASED;
    private boolean overrideFired;
    private long resetPressedSince = RELEASED;
    private long hddActiveUntil;
    private long stateChanges;
    private int publishedLeds;
    private final long[] lastFrameKey = {-1, -1, -1, -1};
    private long frames;
    /** Off by default: the screen is then exactly what the machine shows. */
    private volatile boolean clockShown;

    public VirtualTarget(Clock clock) {
        this.clock = clock;
        this.stateSince = clock.millis();
        powerButton.addListener((wire, high) -> onPowerButton(high));
        resetButton.addListener((wire, high) -> onResetButton(high));
        powerLed.beforeRead(this::update);
        hddLed.beforeRead(this::update);
    }

    // ---- front-panel header ----

    /** The PWRSW line: the module drives it (high = button pressed). */
    public Wire powerButtonLine() {
        return powerButton;
    }

    /** The RESET line: the module drives it (high = button pressed). */
    public Wire resetButtonLine() {
        return resetButton;
    }

    /** The power LED line: the target drives it (high = lit), the module reads it. */
    public Wire powerLedLine() {
        return powerLed;
    }

    /** The HDD LED line: the target drives it (high = lit), the module reads it. */
    public Wire hddLedLine() {
        return hddLed;
    }

    public PowerState state() {
        update();
        synchronized (this) {
            return state;
        }
    }

    /** When the machine entered its present state, in clock milliseconds. */
    public synchronized long stateSince() {
        advance();
        return stateSince;
    }

    /** How many times the power state has changed, for tests counting reboots. */
    public synchronized long stateChanges() {
        advance();
        return stateChanges;
    }

    /** Catches up with the clock: ends boots and shutdowns, applies the 4 s override, drives the LEDs. */
    public void update() {
        synchronized (this) {
            advance();
        }
        publishLeds();
    }

    private void advance() {
        long now = clock.millis();
        while (true) {
            long overrideAt = powerPressedSince != RELEASED && !overrideFired && state != PowerState.OFF
                    ? powerPressedSince + POWER_OVERRIDE_MILLIS : Long.MAX_VALUE;
            long stateEndsAt = switch (state) {
                case BOOTING -> stateSince + BOOT_MILLIS;
                case SHUTTING_DOWN -> stateSince + SHUTDOWN_MILLIS;
                default -> Long.MAX_VALUE;
            };
            long next = Math.min(overrideAt, stateEndsAt);
            if (next > now) {
                break;
            }
            if (overrideAt <= stateEndsAt) {
                overrideFired = true;
                enter(PowerState.OFF, overrideAt);
            } else {
                enter(state == PowerState.BOOTING ? PowerState.RUNNING : PowerState.OFF, stateEndsAt);
            }
        }
        powerLed.drive(state != PowerState.OFF);
        hddLed.drive(hddLit(now));
    }

    private boolean hddLit(long now) {
        return switch (state) {
            case BOOTING, SHUTTING_DOWN -> (now - stateSince) % HDD_BLINK_PERIOD_MILLIS < HDD_BLINK_PERIOD_MILLIS / 2;
            case RUNNING -> now < hddActiveUntil;
            case OFF -> false;
        };
    }

    private void enter(PowerState next, long at) {
        state = next;
        stateSince = at;
        stateChanges++;
        if (next == PowerState.BOOTING || next == PowerState.OFF) {
            keyboard.reset();
        }
        if (next == PowerState.BOOTING) {
            console.clear();
            pointer.center();
        }
    }

    private void onPowerButton(boolean pressed) {
        synchronized (this) {
            advance();
            long now = clock.millis();
            if (pressed) {
                powerPressedSince = now;
                overrideFired = false;
            } else if (powerPressedSince != RELEASED) {
                long held = now - powerPressedSince;
                powerPressedSince = RELEASED;
                if (!overrideFired && held >= PRESS_MIN_MILLIS && held < POWER_OVERRIDE_MILLIS) {
                    powerPressed(now);
                }
            }
            advance();
        }
        publishLeds();
    }

    private void powerPressed(long now) {
        switch (state) {
            case OFF -> enter(PowerState.BOOTING, now);
            case BOOTING -> enter(PowerState.OFF, now);
            case RUNNING -> enter(PowerState.SHUTTING_DOWN, now);
            case SHUTTING_DOWN -> {
                // Already going down.
            }
        }
    }

    private void onResetButton(boolean pressed) {
        synchronized (this) {
            advance();
            long now = clock.millis();
            if (pressed) {
                resetPressedSince = now;
            } else if (resetPressedSince != RELEASED) {
                long held = now - resetPressedSince;
                resetPressedSince = RELEASED;
                if (held >= PRESS_MIN_MILLIS && state != PowerState.OFF) {
                    enter(PowerState.BOOTING, now);
                }
            }
            advance();
        }
        publishLeds();
    }

    /** Whether the power LED is lit now (as the module would read it). */
    public boolean powerLedLit() {
        return powerLed.isHigh();
    }

    /** Whether the HDD LED is lit now. */
    public boolean hddLedLit() {
        return hddLed.isHigh();
    }

    // ---- USB input (decoded by the USB host model) ----

    @Override
    public void keyDown(int usage) {
        synchronized (this) {
            advance();
            keyboard.keyDown(usage, state == PowerState.RUNNING);
            if (state == PowerState.RUNNING && (usage == Usages.ENTER || usage == Usages.KEYPAD_ENTER)) {
                hddActiveUntil = clock.millis() + HDD_ACTIVITY_MILLIS;
                advance();
            }
        }
        publishLeds();
    }

    @Override
    public void keyUp(int usage) {
        synchronized (this) {
            keyboard.keyUp(usage);
        }
    }

    @Override
    public void pointerRelative(int dx, int dy, int buttons, int wheel, int pan) {
        synchronized (this) {
            advance();
            if (state == PowerState.RUNNING) {
                pointer.moveBy(dx, dy, buttons, wheel, pan);
            }
        }
    }

    @Override
    public void pointerAbsolute(int x, int y, int buttons, int wheel, int pan) {
        synchronized (this) {
            advance();
            if (state == PowerState.RUNNING) {
                pointer.moveToAbsolute(x, y, buttons, wheel, pan);
            }
        }
    }

    /** The keyboard LEDs the OS has set, {@link KeyboardLeds} bits (the boot LED report's layout). */
    public int keyboardLeds() {
        update();
        synchronized (this) {
            return keyboard.leds();
        }
    }

    /** Hears every change of {@link #keyboardLeds()}, outside the target's lock. */
    public void addKeyboardLedListener(KeyboardLeds.Listener listener) {
        ledListeners.add(listener);
    }

    private void publishLeds() {
        int leds;
        synchronized (this) {
            leds = keyboard.leds();
            if (leds == publishedLeds) {
                return;
            }
            publishedLeds = leds;
        }
        for (KeyboardLeds.Listener listener : ledListeners) {
            listener.keyboardLedsChanged(leds);
        }
    }

    public synchronized String consoleText() {
        advance();
        return console.text();
    }

    public synchronized String consoleLine(int row) {
        advance();
        return console.line(row);
    }

    public synchronized int pointerX() {
        return pointer.x();
    }

    public synchronized int pointerY() {
        return pointer.y();
    }

    public synchronized int pointerButtons() {
        return pointer.buttons();
    }

    public synchronized long wheelTotal() {
        return pointer.wheelTotal();
    }

    public synchronized long panTotal() {
        return pointer.panTotal();
    }

    // ---- screen ----

    /** The screen now: {@link ScreenLayout#WIDTH} x {@link ScreenLayout#HEIGHT} RGB pixels, row by row, a copy. */
    public synchronized int[] snapshot() {
        advance();
        renderer.render(state, clock.millis() - stateSince, console, pointer);
        int[] pixels = renderer.pixels().clone();
        if (clockShown) {
            // The wall clock, as the server's capture stamps use it, whatever clock the machine runs on.
            ScreenClock.draw(pixels, System.currentTimeMillis());
        }
        return pixels;
    }

    /**
     * Draws (or stops drawing) a {@link ScreenClock} time stamp on every rendering of the screen,
     * for latency measurements; each rendering then counts as a new frame.
     */
    public void showClock(boolean shown) {
        clockShown = shown;
    }

    @Override
    public BufferedImage snapshotImage() {
        int[] pixels = snapshot();
        BufferedImage image = new BufferedImage(ScreenLayout.WIDTH, ScreenLayout.HEIGHT, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, ScreenLayout.WIDTH, ScreenLayout.HEIGHT, pixels, 0, ScreenLayout.WIDTH);
        return image;
    }

    @Override
    public synchronized long frameCounter() {
        advance();
        long bootStep = state == PowerState.BOOTING ? ScreenRenderer.memoryCounted(clock.millis() - stateSince) : 0;
        long[] key = {stateChanges, console.version(), pointer.version(), bootStep};
        if (clockShown || !java.util.Arrays.equals(key, lastFrameKey)) {
            System.arraycopy(key, 0, lastFrameKey, 0, key.length);
            frames++;
        }
        return frames;
    }
}
