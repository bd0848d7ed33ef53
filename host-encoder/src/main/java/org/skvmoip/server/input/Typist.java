package org.skvmoip.server.input;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.skvmoip.server.module.MachineControl;

/**
 * Sends key strokes to a machine paced so that no state is lost between USB polls; completes when
 * the last key is up, or exceptionally when the module link drops (every key released).
 */
public final class Typist {

    public CompletableFuture<Void> type(MachineControl machine, List<KeyStroke> strokes) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    public CompletableFuture<Void> press(MachineControl machine, KeyCombo combo) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }
}
