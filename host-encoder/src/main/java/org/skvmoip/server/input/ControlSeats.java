package org.skvmoip.server.input;

import java.util.Optional;

/**
 * Who controls each machine: one viewer at a time sends input, the others watch. Taking over is
 * explicit; the viewer who loses control is told, and every key is released when control changes
 * hands or the controller leaves.
 */
public final class ControlSeats {

    /** Gives {@code viewer} control unless another has it and {@code takeOver} is false. */
    public boolean claim(String machine, String viewer, boolean takeOver) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    /** Gives up control (no-op when {@code viewer} does not hold it). */
    public void release(String machine, String viewer) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    public Optional<String> controller(String machine) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }
}
