package org.skvmoip.sim.board;

/**
 * Thrown in the firmware's thread when its simulated MCU is reset under it: it unwinds the old
 * firmware's stack, as a real reset abandons the code that was running, so that nothing of it
 * touches the board again. An {@link Error}, so no firmware {@code catch (Exception)} stops it.
 */
public final class McuReset extends Error {

    private static final long serialVersionUID = 1L;

    McuReset() {
        super("the simulated MCU was reset; this thread's firmware is gone", null, false, false);
    }
}
