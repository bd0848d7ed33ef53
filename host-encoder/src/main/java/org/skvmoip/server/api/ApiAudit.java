package org.skvmoip.server.api;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.auth.AuditLog;

/**
 * Writes audit records on a thread of its own: the log file's write and flush must never run on
 * an event loop, and one thread keeps the records in the order the actions happened. Repeated
 * refusals are folded into summary lines ({@link RepeatedRefusals}), so that the log's growth is
 * bounded per client address, whatever it sends.
 */
public final class ApiAudit implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ApiAudit.class.getName());

    private final AuditLog log;
    private final Clock clock;
    private final RepeatedRefusals refusals = new RepeatedRefusals(RepeatedRefusals.WINDOW);
    private final ExecutorService writer;
    private final ScheduledExecutorService summaries;

    public ApiAudit(AuditLog log) {
        this.log = log;
        this.clock = Clock.systemUTC();
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000),
                Workers.daemonThreads("api-audit"), new ThreadPoolExecutor.CallerRunsPolicy());
        // Summaries of a client that stopped are written without waiting for the next action.
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Workers.daemonThreads("api-audit-summaries"));
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long period = RepeatedRefusals.WINDOW.toMillis() / 4;
        timer.scheduleAtFixedRate(() -> writer.execute(() -> write(refusals.due(clock.instant()))), period, period,
                TimeUnit.MILLISECONDS);
        this.summaries = timer;
    }

    /** Never pass a password, token or typed text in any of these. */
    public void record(Caller caller, String action, String machine, String outcome) {
        String user = caller.user().isEmpty() ? "-" : caller.user();
        writer.execute(() -> write(refusals.record(user, caller.remoteAddress(), action, machine, outcome,
                clock.instant())));
    }

    private void write(List<RepeatedRefusals.Line> lines) {
        for (RepeatedRefusals.Line line : lines) {
            try {
                log.record(line.user(), line.remote(), line.action(), line.machine(), line.outcome(), line.count(),
                        line.since());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "could not write the audit record of '" + line.action() + "' by " + line.user(), e);
            }
        }
    }

    /** Writes what is queued and every open summary, then stops; the AuditLog itself stays open (its owner closes it). */
    @Override
    public void close() {
        summaries.shutdownNow();
        writer.execute(() -> write(refusals.drain()));
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "audit records still queued after 5 s were dropped at shutdown");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
