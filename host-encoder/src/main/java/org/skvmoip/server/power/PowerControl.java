package org.skvmoip.server.power;

import java.util.concurrent.CompletableFuture;

import org.skvmoip.server.module.MachineControl;

/**
 * Carries out power operations on a machine, one at a time per machine ("another power operation
 * is running, try again when it ends" otherwise). Fails with a clear message when the module is
 * offline.
 */
public final class PowerControl {

    public CompletableFuture<PowerOutcome> perform(MachineControl machine, PowerAction action) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }
}
