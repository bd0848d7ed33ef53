package org.skvmoip.server.input;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.module.MachineControl;

/**
 * Sends key strokes to a machine paced so that no state is lost between USB polls; completes when
 * the last key is up, or exceptionally when the module link drops (every key released).
 *
 * <p>Requests for one machine run one after the other, in the order they were made, so two
 * pastes never interleave their keys. Cancelling a returned future stops its typing and releases
 * every key.
 */
public final class Typist {

    /**
     * Time between two key states. The module sends at most one keyboard report per 1 ms USB frame
     * and takes a state only when its queue has room, holding this side back through TCP while the
     * target's USB host is late (docs/protocol.md §4.1), so no state is lost at any pace; one
     * change every 2 ms drains its queue twice as fast as it fills, so a long paste does not pile
     * up in the link's buffers ahead of a target that keeps up.
     */
    public static final Duration STATE_GAP = Duration.ofMillis(2);
    /**
     * How long a combo stays held before its release: as long as a quick human press, since some
     * programs sample the key state on their own timer rather than act on each report.
     */
    public static final Duration COMBO_HOLD = Duration.ofMillis(50);

    private final ScheduledExecutorService scheduler;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> lastOfMachine = new ConcurrentHashMap<>();

    /** @param scheduler runs the paced sends; shared with other work, each step is short */
    public Typist(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public CompletableFuture<Void> type(MachineControl machine, List<KeyStroke> strokes) {
        return enqueue(machine, KeyState.typing(strokes), STATE_GAP);
    }

    public CompletableFuture<Void> press(MachineControl machine, KeyCombo combo) {
        return enqueue(machine, KeyState.combo(combo), COMBO_HOLD);
    }

    private CompletableFuture<Void> enqueue(MachineControl machine, List<KeyState> states, Duration beforeRelease) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Run run = new Run(machine, states, beforeRelease, done);
        CompletableFuture<Void> previous = lastOfMachine.put(machine.machine(), done);
        done.whenComplete((v, e) -> lastOfMachine.remove(machine.machine(), done));
        if (previous == null) {
            run.schedule(0);
        } else {
            previous.whenComplete((v, e) -> run.schedule(0));
        }
        return done;
    }

    /** One request's states, sent one per step. */
    private final class Run implements Runnable {

        private final MachineControl machine;
        private final List<KeyState> states;
        private final long lastGapMicros;
        private final CompletableFuture<Void> done;
        private int next;

        Run(MachineControl machine, List<KeyState> states, Duration beforeRelease, CompletableFuture<Void> done) {
            this.machine = machine;
            this.states = states;
            this.lastGapMicros = Math.max(beforeRelease.toNanos(), STATE_GAP.toNanos()) / 1000;
            this.done = done;
        }

        @Override
        public void run() {
            if (done.isDone()) {
                if (next > 0) {
                    machine.releaseAll(); // cancelled halfway: nothing stays held
                }
                return;
            }
            if (states.isEmpty()) {
                done.complete(null);
                return;
            }
            KeyState state = states.get(next);
            if (!machine.keyboard(state.modifiers(), state.usages(), state.usages().length)) {
                machine.releaseAll();
                String problem = machine.status().problem();
                done.completeExceptionally(new IllegalStateException("the link to the module of " + machine.machine()
                        + " is down" + (problem.isEmpty() ? "" : " (" + problem + ")") + "; " + next + " of "
                        + states.size() + " key changes were sent, and the module released every key"));
                return;
            }
            next++;
            if (next == states.size()) {
                done.complete(null);
            } else {
                schedule(next == states.size() - 1 ? lastGapMicros : STATE_GAP.toNanos() / 1000);
            }
        }

        void schedule(long delayMicros) {
            try {
                scheduler.schedule(this, delayMicros, TimeUnit.MICROSECONDS);
            } catch (RejectedExecutionException e) {
                machine.releaseAll();
                done.completeExceptionally(new IllegalStateException("the server is shutting down; typing on "
                        + machine.machine() + " stopped and every key was released", e));
            }
        }
    }
}
