package org.skvmoip.server.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds repeated refusals into summary lines, so that a client cannot fill the audit log
 * without logging in: each throttled login was a line, some 13 GB a day from one connection.
 *
 * <p>The first refusal of a kind (user, address, action, machine, and the outcome's first word:
 * {@code refused}, {@code denied}, {@code failed}...) is written in full at once; the same kind
 * again within {@link #WINDOW} is only counted, and one summary line with the count follows when
 * the window ends. One address may have {@link #KINDS_PER_ADDRESS} kinds written in full per
 * window; beyond that (a client trying many user names or machines) its refusals of one action
 * share a summary whose user and machine are {@code *}. Successes are never folded.
 *
 * <p>So one address writes at most about {@code 2 * KINDS_PER_ADDRESS} lines, plus one per
 * action and outcome, per window. Not thread-safe by itself: {@link ApiAudit} calls it from
 * its writer.
 */
final class RepeatedRefusals {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int KINDS_PER_ADDRESS = 16;
    /** Beyond this many open kinds (many addresses at once), every address shares one summary per action. */
    static final int MAX_KINDS = 10_000;
    static final String ANY = "*";

    /** One audit line; {@code count} is 0 for a line written in full, else the refusals it stands for. */
    record Line(String user, String remote, String action, String machine, String outcome, int count, Instant since) {
    }

    private record Kind(String user, String remote, String action, String machine, String outcome) {
    }

    private static final class Repeats {
        final Instant ends;
        /** Counted under a shared kind, not one of its address's own. */
        final boolean shared;
        int count;
        Instant first;
        String lastOutcome;

        Repeats(Instant ends, boolean shared) {
            this.ends = ends;
            this.shared = shared;
        }
    }

    private final Duration window;
    /** In the order their windows began, so the ones that end first come first. */
    private final LinkedHashMap<Kind, Repeats> open = new LinkedHashMap<>();
    private final Map<String, Integer> kindsOfAddress = new HashMap<>();

    RepeatedRefusals(Duration window) {
        this.window = window;
    }

    /** The lines to write now for this action: summaries whose window has ended, and the action's own line if any. */
    synchronized List<Line> record(String user, String remote, String action, String machine, String outcome,
            Instant now) {
        List<Line> lines = due(now);
        if (isSuccess(outcome)) {
            lines.add(new Line(user, remote, action, machine, outcome, 0, null));
            return lines;
        }
        Kind kind = new Kind(user, remote, action, machine, kindOf(outcome));
        Repeats repeats = open.get(kind);
        if (repeats == null && kindsOfAddress.getOrDefault(remote, 0) < KINDS_PER_ADDRESS && open.size() < MAX_KINDS) {
            open.put(kind, new Repeats(now.plus(window), false));
            kindsOfAddress.merge(remote, 1, Integer::sum);
            lines.add(new Line(user, remote, action, machine, outcome, 0, null));
            return lines;
        }
        if (repeats == null) {
            // Too many kinds: counted under a shared one, written only as a summary.
            kind = open.size() < MAX_KINDS ? new Kind(ANY, remote, action, ANY, kind.outcome())
                    : new Kind(ANY, ANY, action, ANY, kind.outcome());
            repeats = open.computeIfAbsent(kind, k -> new Repeats(now.plus(window), true));
        }
        if (repeats.count++ == 0) {
            repeats.first = now;
        }
        repeats.lastOutcome = outcome;
        return lines;
    }

    /** Summaries of the windows that have ended by {@code now}. */
    synchronized List<Line> due(Instant now) {
        List<Line> lines = new ArrayList<>();
        Iterator<Map.Entry<Kind, Repeats>> oldest = open.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<Kind, Repeats> entry = oldest.next();
            if (now.isBefore(entry.getValue().ends)) {
                break;
            }
            oldest.remove();
            close(entry.getKey(), entry.getValue(), lines);
        }
        return lines;
    }

    /** Every summary still open, at shutdown: no refusal goes uncounted. */
    synchronized List<Line> drain() {
        List<Line> lines = new ArrayList<>();
        open.forEach((kind, repeats) -> close(kind, repeats, lines));
        open.clear();
        return lines;
    }

    private void close(Kind kind, Repeats repeats, List<Line> lines) {
        if (!repeats.shared) {
            kindsOfAddress.computeIfPresent(kind.remote(), (address, n) -> n == 1 ? null : n - 1);
        }
        if (repeats.count > 0) {
            lines.add(new Line(kind.user(), kind.remote(), kind.action(), kind.machine(), repeats.lastOutcome,
                    repeats.count, repeats.first));
        }
    }

    private static boolean isSuccess(String outcome) {
        return outcome.equals("ok") || outcome.startsWith("ok:") || outcome.startsWith("ok ");
    }

    /** "refused: throttled for 37 s" and "refused: throttled for 12 s" are one kind: the text before the colon. */
    private static String kindOf(String outcome) {
        int colon = outcome.indexOf(':');
        return colon < 0 ? outcome : outcome.substring(0, colon);
    }
}
