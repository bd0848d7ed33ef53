package org.skvmoip.hal;

/**
 * A hardware watchdog: once started it resets the MCU unless {@link #kick()} is called at least
 * once per timeout; it cannot be stopped. The main loop kicks it, so a hang anywhere (a driver
 * waiting forever, a loop that never yields) ends in a reset instead of a dead module.
 *
 * <p>Device: {@code Stm32Natives.iwdgStart/iwdgKick}, the independent watchdog (IWDG,
 * RM0368 §17) clocked by the LSI RC oscillator (nominally 32 kHz, 17-47 kHz over temperature
 * and parts, so the real timeout can be about half or 1.5 times the one asked for). It stands
 * still while a debugger halts the core (DBGMCU), so a breakpoint does not reset the board.
 */
public interface Watchdog {

    /**
     * Starts the watchdog with a timeout of {@code timeoutMillis} (device: 1 to 32768 ms at
     * nominal LSI); a second call only changes the timeout.
     */
    void start(int timeoutMillis);

    /** Restarts the countdown. */
    void kick();
}
