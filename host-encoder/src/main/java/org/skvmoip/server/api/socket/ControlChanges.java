package org.skvmoip.server.api.socket;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Tells who cares that a machine's controller changed: the input sockets of that machine (one of
 * them may just have lost control) and the events socket. The API is where seats are claimed and
 * released, so it is where the change is announced.
 */
public final class ControlChanges {

    private static final Logger LOG = System.getLogger(ControlChanges.class.getName());

    private final Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();

    /** {@code listener} gets the machine's name on every change of its controller. */
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void stopListening(Consumer<String> listener) {
        listeners.remove(listener);
    }

    void changed(String machine) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(machine);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a listener failed on the control change of " + machine, e);
            }
        }
    }
}
