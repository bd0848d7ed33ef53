package org.skvmoip.server.api;

import java.time.Duration;
import java.util.Optional;

import org.skvmoip.server.config.ServerSettings;

/**
 * How the API's port behaves.
 *
 * @param bind                  address to listen on
 * @param port                  the HTTPS port; 0 picks a free one
 * @param redirectPort          a plaintext port that only redirects to HTTPS (0 picks a free one); empty: none
 * @param maxConnections        connections open at once, all kinds together; more are closed on arrival
 * @param connectionsPerAddress connections open at once from one address (IPv6: one /64); more are closed on arrival
 * @param maxBodyBytes          the largest request body (413 beyond)
 * @param idleTimeout           an HTTP connection with no traffic and no request in progress is closed after this
 * @param handshakeTimeout      a connection that has not finished its TLS handshake this long after it opened is closed
 * @param requestHeadTimeout    a request whose line and headers are not complete this long after their first byte
 *                              is answered 408 and its connection closed, however steadily the bytes trickle in
 * @param workerThreads         threads for blocking work (password hashing, snapshots, discovery)
 * @param workerQueue           blocking tasks waiting for a thread; beyond that requests get 503
 */
public record ApiSettings(String bind, int port, Optional<Integer> redirectPort, int maxConnections,
        int connectionsPerAddress, int maxBodyBytes, Duration idleTimeout, Duration handshakeTimeout,
        Duration requestHeadTimeout, int workerThreads, int workerQueue) {

    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    /** Every JSON request of the API fits in a few hundred bytes; typed text is the largest. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** A TLS handshake is a few round trips; on a LAN it takes milliseconds, on a slow VPN under a second. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** A request head is at most 20 KiB (line and headers), which any client sends in one go. */
    public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);

    public ApiSettings {
        if (maxConnections < 1 || connectionsPerAddress < 1 || maxBodyBytes < 1 || workerThreads < 1
                || workerQueue < 1) {
            throw new IllegalArgumentException(
                    "connections, connections per address, body size, worker threads and queue must be positive");
        }
        for (Duration timeout : new Duration[] {idleTimeout, handshakeTimeout, requestHeadTimeout}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive, was " + timeout);
            }
        }
    }

    public static ApiSettings of(ServerSettings server) {
        return new ApiSettings(server.bind(), server.httpsPort(), server.httpRedirectPort(), DEFAULT_MAX_CONNECTIONS,
                server.connectionsPerAddress(), DEFAULT_MAX_BODY_BYTES, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_REQUEST_HEAD_TIMEOUT, 8, 256);
    }

    /** Loopback, a free port, no redirect port: for tests and the demo. */
    public static ApiSettings loopback() {
        return new ApiSettings("127.0.0.1", 0, Optional.empty(), DEFAULT_MAX_CONNECTIONS,
                ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_BODY_BYTES, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_REQUEST_HEAD_TIMEOUT, 8, 256);
    }

    public ApiSettings withPort(int https) {
        return new ApiSettings(bind, https, redirectPort, maxConnections, connectionsPerAddress, maxBodyBytes,
                idleTimeout, handshakeTimeout, requestHeadTimeout, workerThreads, workerQueue);
    }

    public ApiSettings withRedirectPort(int redirect) {
        return new ApiSettings(bind, port, Optional.of(redirect), maxConnections, connectionsPerAddress, maxBodyBytes,
                idleTimeout, handshakeTimeout, requestHeadTimeout, workerThreads, workerQueue);
    }

    public ApiSettings withMaxConnections(int max) {
        return new ApiSettings(bind, port, redirectPort, max, connectionsPerAddress, maxBodyBytes, idleTimeout,
                handshakeTimeout, requestHeadTimeout, workerThreads, workerQueue);
    }

    public ApiSettings withConnectionsPerAddress(int max) {
        return new ApiSettings(bind, port, redirectPort, maxConnections, max, maxBodyBytes, idleTimeout,
                handshakeTimeout, requestHeadTimeout, workerThreads, workerQueue);
    }

    /** Shorter deadlines, so that tests see them act without waiting the defaults' seconds. */
    public ApiSettings withDeadlines(Duration handshake, Duration requestHead) {
        return new ApiSettings(bind, port, redirectPort, maxConnections, connectionsPerAddress, maxBodyBytes,
                idleTimeout, handshake, requestHead, workerThreads, workerQueue);
    }
}
