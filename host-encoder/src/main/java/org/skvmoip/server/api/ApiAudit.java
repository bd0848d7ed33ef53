package org.skvmoip.server.api;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.auth.AuditLog;

/**
 * Writes audit records on a thread of its own: the log file's write and flush must never run on
 * an event loop, and one thread keeps the records in the order the actions happened.
 */
public final class ApiAudit implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ApiAudit.class.getName());

    private final AuditLog log;
    private final ExecutorService writer;

    public ApiAudit(AuditLog log) {
        this.log = log;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000),
                Workers.daemonThreads("api-audit"), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Never pass a password, token or typed text in any of these. */
    public void record(Caller caller, String action, String machine, String outcome) {
        String user = caller.user().isEmpty() ? "-" : caller.user();
        writer.execute(() -> {
            try {
                log.record(user, caller.remoteAddress(), action, machine, outcome);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "could not write the audit record of '" + action + "' by " + user, e);
            }
        });
    }

    /** Writes what is queued, then stops; the AuditLog itself stays open (its owner closes it). */
    @Override
    public void close() {
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
