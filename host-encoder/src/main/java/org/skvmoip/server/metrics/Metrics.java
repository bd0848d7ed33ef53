package org.skvmoip.server.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * The server's metrics, per machine, rendered in Prometheus' text exposition format 0.0.4 for
 * {@code GET /metrics}. A family is declared once with its help text; each machine then has a
 * series in it, fed by a {@link Counter} or {@link Gauge} that the owner bumps, or by a
 * supplier read at scrape time (for values another part already keeps, such as a queue's length).
 * A series without a machine (machine {@code null}) carries no label: server-wide values.
 *
 * <p>Hot paths keep the Counter or Gauge they got instead of looking it up per frame.
 */
public final class Metrics {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    public static final String ENCODE_FRAMES = "skvm_encode_frames_total";
    public static final String ENCODE_SECONDS = "skvm_encode_seconds_total";
    public static final String ENCODE_FPS = "skvm_encode_fps";
    public static final String BYTES_SENT = "skvm_bytes_sent_total";
    public static final String VIEWERS = "skvm_viewers";
    public static final String FRAMES_DROPPED = "skvm_frames_dropped_total";
    public static final String MODULE_ONLINE = "skvm_module_online";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final List<Family> families = new CopyOnWriteArrayList<>();
    private final Map<String, Family> byName = new ConcurrentHashMap<>();

    /** A registry with the server's own families declared; the other parts may declare more. */
    public Metrics() {
        declareCounter(ENCODE_FRAMES, "Frames encoded.");
        declareCounter(ENCODE_SECONDS, "Time spent encoding frames, in seconds.");
        declareGauge(ENCODE_FPS, "Frames encoded per second, recently.");
        declareCounter(BYTES_SENT, "Bytes of video sent to viewers.");
        declareGauge(VIEWERS, "Viewers watching the machine.");
        declareCounter(FRAMES_DROPPED, "Frames a slow viewer skipped (dropped up to the next keyframe).");
        declareGauge(MODULE_ONLINE, "1 while the module's authenticated control link is up, else 0.");
    }

    /** Declares a counter family; its name ends in _total, as Prometheus names counters. */
    public void declareCounter(String name, String help) {
        if (!name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends in _total: " + name);
        }
        declare(name, help, "counter");
    }

    public void declareGauge(String name, String help) {
        declare(name, help, "gauge");
    }

    /** The machine's counter in the family, made on first use. */
    public Counter counter(String name, String machine) {
        Series series = family(name, "counter").series.computeIfAbsent(key(machine),
                k -> new Series(machine, new Counter()));
        if (!(series.source instanceof Counter counter)) {
            throw new IllegalStateException(name + " for " + machine + " is sampled from a supplier");
        }
        return counter;
    }

    /** The machine's gauge in the family, made on first use. */
    public Gauge gauge(String name, String machine) {
        Series series = family(name, "gauge").series.computeIfAbsent(key(machine), k -> new Series(machine, new Gauge()));
        if (!(series.source instanceof Gauge gauge)) {
            throw new IllegalStateException(name + " for " + machine + " is sampled from a supplier");
        }
        return gauge;
    }

    /**
     * The machine's value in the family (counter or gauge) read from the supplier at each scrape,
     * replacing any earlier series of that machine. Closing the registration removes it. A
     * supplier that throws is left out of that scrape.
     */
    public AutoCloseable sample(String name, String machine, DoubleSupplier supplier) {
        Family family = byName.get(name);
        if (family == null) {
            throw new IllegalArgumentException("no metric " + name + " declared");
        }
        Series series = new Series(machine, supplier);
        family.series.put(key(machine), series);
        return () -> family.series.remove(key(machine), series);
    }

    /** Removes every series of the machine (it left the inventory). */
    public void forget(String machine) {
        for (Family family : families) {
            family.series.remove(key(machine));
        }
    }

    /** The exposition text: families in declaration order, series by machine, empty families left out. */
    public String render() {
        StringBuilder text = new StringBuilder();
        render(text);
        return text.toString();
    }

    public void render(Appendable out) {
        try {
            for (Family family : families) {
                family.render(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void declare(String name, String help, String type) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + name);
        }
        Family family = new Family(name, help, type);
        synchronized (byName) {
            Family existing = byName.putIfAbsent(name, family);
            if (existing != null) {
                if (!existing.type.equals(type)) {
                    throw new IllegalArgumentException(name + " is declared as a " + existing.type + " already");
                }
                return;
            }
            families.add(family);
        }
    }

    private Family family(String name, String type) {
        Family family = byName.get(name);
        if (family == null || !family.type.equals(type)) {
            throw new IllegalArgumentException("no " + type + " " + name + " declared");
        }
        return family;
    }

    /** ConcurrentHashMap takes no null key: the unlabelled series gets one that no machine name can be. */
    private static String key(String machine) {
        return machine == null ? "" : "=" + machine;
    }

    private record Series(String machine, Object source) {

        Optional<Double> value() {
            if (source instanceof Counter counter) {
                return Optional.of(counter.value());
            }
            if (source instanceof Gauge gauge) {
                return Optional.of(gauge.value());
            }
            try {
                return Optional.of(((DoubleSupplier) source).getAsDouble());
            } catch (RuntimeException e) {
                return Optional.empty(); // one broken supplier must not cost the whole scrape
            }
        }
    }

    private static final class Family {
        final String name;
        final String help;
        final String type;
        final Map<String, Series> series = new ConcurrentHashMap<>();

        Family(String name, String help, String type) {
            this.name = name;
            this.help = help;
            this.type = type;
        }

        void render(Appendable out) throws IOException {
            List<Series> sorted = new ArrayList<>(series.values());
            if (sorted.isEmpty()) {
                return;
            }
            sorted.sort(Comparator.comparing(s -> s.machine() == null ? "" : "=" + s.machine()));
            out.append("# HELP ").append(name).append(' ').append(Exposition.escapeHelp(help)).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            for (Series one : sorted) {
                Optional<Double> value = one.value();
                if (value.isEmpty()) {
                    continue;
                }
                out.append(name);
                if (one.machine() != null) {
                    out.append("{machine=\"").append(Exposition.escapeLabelValue(one.machine())).append("\"}");
                }
                out.append(' ').append(Exposition.number(value.get())).append('\n');
            }
        }
    }
}
