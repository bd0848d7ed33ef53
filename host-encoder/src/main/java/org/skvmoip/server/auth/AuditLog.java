package org.skvmoip.server.auth;

/**
 * Every action a user takes, one line each, appended and flushed: who, from where, what, on which
 * machine, and how it ended. Never a password, token or secret.
 */
public final class AuditLog implements AutoCloseable {

    public void record(String user, String remoteAddress, String action, String machine, String outcome) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }
}
