package org.skvmoip.server.input;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.skvmoip.server.module.MachineControl;

/**
 * Who controls each machine: one viewer at a time sends input, the others watch. Taking over is
 * explicit; the viewer who loses control is told, and every key is released when control changes
 * hands or the controller leaves.
 */
public final class ControlSeats {

    /** Hears every change of a machine's controller (so the API can tell a viewer it lost control). */
    public interface Listener {
        /**
         * Called in the order changes happen, with the seats' lock held: be quick, do not block.
         *
         * @param previous who controlled the machine before; empty when nobody did
         * @param current  who controls it now; empty when nobody does
         */
        void controlChanged(String machine, Optional<String> previous, Optional<String> current);
    }

    private static final System.Logger LOG = System.getLogger(ControlSeats.class.getName());

    private final Function<String, Optional<MachineControl>> machines;
    private final Map<String, String> controllers = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** @param machines a machine's control by name, to release its keys when control changes */
    public ControlSeats(Function<String, Optional<MachineControl>> machines) {
        this.machines = machines;
    }

    public AutoCloseable onChange(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Gives {@code viewer} control unless another has it and {@code takeOver} is false. */
    public synchronized boolean claim(String machine, String viewer, boolean takeOver) {
        String current = controllers.get(machine);
        if (viewer.equals(current)) {
            return true;
        }
        if (current != null && !takeOver) {
            return false;
        }
        controllers.put(machine, viewer);
        changed(machine, current, viewer);
        return true;
    }

    /** Gives up control (no-op when {@code viewer} does not hold it). */
    public synchronized void release(String machine, String viewer) {
        if (controllers.remove(machine, viewer)) {
            changed(machine, viewer, null);
        }
    }

    /** A viewer left (closed its session): it gives up every machine it controlled. */
    public synchronized void releaseAll(String viewer) {
        List<String> held = controllers.entrySet().stream().filter(e -> e.getValue().equals(viewer))
                .map(Map.Entry::getKey).toList();
        for (String machine : held) {
            release(machine, viewer);
        }
    }

    public synchronized Optional<String> controller(String machine) {
        return Optional.ofNullable(controllers.get(machine));
    }

    /** Whether input from {@code viewer} may go to {@code machine} now. */
    public synchronized boolean controls(String machine, String viewer) {
        return viewer.equals(controllers.get(machine));
    }

    private void changed(String machine, String previous, String current) {
        if (previous != null) {
            // The keys the previous controller held must not stay down under the next one.
            machines.apply(machine).ifPresent(MachineControl::releaseAll);
        }
        for (Listener listener : listeners) {
            try {
                listener.controlChanged(machine, Optional.ofNullable(previous), Optional.ofNullable(current));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a control listener failed on " + machine, e);
            }
        }
    }
}
