package org.skvmoip.firmware;

import org.skvmoip.hal.Board;
import org.skvmoip.hal.stm32.Stm32F401Board;

/**
 * The device image's main class (the MicroEJ application's entry point): what the MCU runs
 * after every power-up and every reset. The simulator powers its boards up through
 * {@link #powerUp} too, so both start the firmware the same way.
 */
public final class ModuleMain {

    private ModuleMain() {
    }

    public static void main(String[] args) {
        powerUp(new Stm32F401Board()).run();
    }

    /**
     * Starts the watchdog, then builds the firmware from {@code board} and its flash settings;
     * {@link Firmware#run()} is what is left to do. The watchdog comes first so that a start-up
     * that throws or hangs ends, like a hung loop, in a reset and a fresh try rather than in a
     * module that stays dead until someone pulls its cable.
     */
    public static Firmware powerUp(Board board) {
        board.watchdog().start(Firmware.WATCHDOG_MILLIS);
        return new Firmware(board);
    }
}
