package org.skvmoip.server.power;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.module.MachineControl;
import org.skvmoip.server.module.ModuleStatus;
import org.skvmoip.server.power.PowerException.Reason;

/**
 * Waits for the power LED to reach a state, on the module's status events (no polling): true when
 * it does, false when {@code timeout} passes first, a {@link PowerException} when the link drops.
 */
final class LedWait {

    private LedWait() {
    }

    /** Starts listening at once: call before pressing, so no change is missed. */
    static CompletableFuture<Boolean> start(MachineControl machine, boolean lit, Duration timeout,
            ScheduledExecutorService scheduler) {
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        AutoCloseable subscription = machine.onStatus(status -> check(machine, status, lit, reached));
        ScheduledFuture<?> timer = scheduler.schedule(() -> reached.complete(false), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        reached.whenComplete((v, e) -> {
            timer.cancel(false);
            try {
                subscription.close();
            } catch (Exception ignored) {
                // a listener handle that cannot close only costs a call that finds the wait done
            }
        });
        return reached;
    }

    private static void check(MachineControl machine, ModuleStatus status, boolean lit,
            CompletableFuture<Boolean> reached) {
        if (!status.online()) {
            reached.completeExceptionally(new PowerException(Reason.LINK_LOST, "the link to the module of "
                    + machine.machine() + " dropped while waiting for the power LED (" + status.problem()
                    + "); check the machine's state once the link is back"));
        } else if (status.powerLed() == lit) {
            reached.complete(true);
        }
    }
}
