package org.skvmoip.server.api.socket;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.Json;
import org.skvmoip.server.api.Workers;
import org.skvmoip.server.api.endpoint.MachineView;
import org.skvmoip.server.api.endpoint.MachineViews;
import org.skvmoip.server.auth.Rights;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.input.ControlSeats;
import org.skvmoip.server.module.MachineControl;
import org.skvmoip.server.module.ModuleService;

/**
 * Pushes a machine's whole view to every events socket when its module status or its controller
 * changes. Events carry state, not deltas, so a socket that missed some while it was slow only
 * needs the current state of each machine to be right again; for the same reason a burst of
 * changes of one machine is sent as one event. Events are put together on a thread of their own:
 * the module links and the seats call in with their own work to do.
 */
public final class StatusEvents implements AutoCloseable {

    private static final Logger LOG = System.getLogger(StatusEvents.class.getName());

    /** A receiver of events: one events socket. */
    interface Sink {
        /** Only this machine's events; empty: every machine's. */
        Optional<String> machine();

        /** The watcher's rights: events of machines not granted are not sent, the others say its access. */
        Rights rights();

        void send(String event);
    }

    private final Inventory inventory;
    private final ModuleService modules;
    private final ControlSeats seats;
    private final MachineViews views;
    private final Set<Sink> sinks = new CopyOnWriteArraySet<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(Workers.daemonThreads("api-events"));
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    public StatusEvents(Inventory inventory, ModuleService modules, ControlSeats seats, MachineViews views) {
        this.inventory = inventory;
        this.modules = modules;
        this.seats = seats;
        this.views = views;
    }

    public synchronized void start() {
        for (MachineConfig machine : inventory.machines()) {
            Optional<MachineControl> control = modules.machine(machine.name());
            if (control.isPresent()) {
                subscriptions.add(control.get().onStatus(status -> changed(machine.name())));
            }
        }
        subscriptions.add(seats.onChange((machine, previous, current) -> changed(machine)));
    }

    void subscribe(Sink sink) {
        sinks.add(sink);
    }

    void unsubscribe(Sink sink) {
        sinks.remove(sink);
    }

    /** The current state of every machine the sink wants, one event each. */
    List<String> current(Sink sink) {
        List<String> events = new ArrayList<>();
        for (MachineConfig m : inventory.machines()) {
            if (wants(sink, m.name())) {
                view(m.name()).ifPresent(view -> events.add(event(view, sink.rights())));
            }
        }
        return events;
    }

    private static boolean wants(Sink sink, String machine) {
        return (sink.machine().isEmpty() || sink.machine().get().equals(machine)) && sink.rights().sees(machine);
    }

    private void changed(String machine) {
        if (sinks.isEmpty() || !pending.add(machine)) {
            return;
        }
        try {
            publisher.execute(() -> publish(machine));
        } catch (RejectedExecutionException closing) {
            pending.remove(machine);
        }
    }

    private void publish(String machine) {
        // Removed before the view is read: a change from now on schedules another event.
        pending.remove(machine);
        Optional<MachineView> view = view(machine);
        if (view.isEmpty()) {
            return;
        }
        // One text per access ("control", "view"), not one per socket.
        Map<String, String> byAccess = new HashMap<>();
        for (Sink sink : sinks) {
            if (wants(sink, machine)) {
                String access = sink.rights().access(machine).orElseThrow();
                sink.send(byAccess.computeIfAbsent(access, a -> event(view.get(), sink.rights())));
            }
        }
    }

    private Optional<MachineView> view(String machine) {
        try {
            return Optional.of(views.one(machine));
        } catch (ApiException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot describe machine '" + machine + "' for the events socket", e);
            return Optional.empty();
        }
    }

    private static String event(MachineView view, Rights rights) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "machine");
        event.put("machine", view.withAccess(rights.access(view.name()).orElseThrow()));
        return Json.text(event);
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not stop listening to status changes", e);
            }
        }
        subscriptions.clear();
        publisher.shutdownNow();
        sinks.clear();
    }
}
