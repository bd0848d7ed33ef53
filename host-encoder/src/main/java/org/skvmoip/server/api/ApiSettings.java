package org.skvmoip.server.api;

import java.time.Duration;
import java.util.Optional;

import org.skvmoip.server.config.ServerSettings;

/**
 * How the API's port behaves.
 *
 * @param bind           address to listen on
 * @param port           the HTTPS port; 0 picks a free one
 * @param redirectPort   a plaintext port that only redirects to HTTPS (0 picks a free one); empty: none
 * @param maxConnections connections open at once, all kinds together; more are closed on arrival
 * @param maxBodyBytes   the largest request body (413 beyond)
 * @param idleTimeout    an HTTP connection with no traffic and no request in progress is closed after this
 * @param workerThreads  threads for blocking work (password hashing, snapshots, discovery)
 * @param workerQueue    blocking tasks waiting for a thread; beyond that requests get 503
 */
public record ApiSettings(String bind, int port, Optional<Integer> redirectPort, int maxConnections,
        int maxBodyBytes, Duration idleTimeout, int workerThreads, int workerQueue) {

    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    /** Every JSON request of the API fits in a few hundred bytes; typed text is the largest. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public ApiSettings {
        if (maxConnections < 1 || maxBodyBytes < 1 || workerThreads < 1 || workerQueue < 1) {
            throw new IllegalArgumentException("connections, body size, worker threads and queue must be positive");
        }
    }

    public static ApiSettings of(ServerSettings server) {
        return new ApiSettings(server.bind(), server.httpsPort(), server.httpRedirectPort(), DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(60), 8, 256);
    }

    /** Loopback, a free port, no redirect port: for tests and the demo. */
    public static ApiSettings loopback() {
        return new ApiSettings("127.0.0.1", 0, Optional.empty(), DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(60), 8, 256);
    }

    public ApiSettings withRedirectPort(int redirect) {
        return new ApiSettings(bind, port, Optional.of(redirect), maxConnections, maxBodyBytes, idleTimeout,
                workerThreads, workerQueue);
    }

    public ApiSettings withMaxConnections(int max) {
        return new ApiSettings(bind, port, redirectPort, max, maxBodyBytes, idleTimeout, workerThreads, workerQueue);
    }
}
