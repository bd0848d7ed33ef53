package org.skvmoip.client.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A request that did not succeed. {@link #getMessage()} is written for the person who reads it:
 * the server's own sentence for an HTTP error (docs/api.md, Errors), or what went wrong on the
 * way (connection refused, a certificate that changed...). Never holds a password or token.
 */
public final class ClientException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Kind {
        /** The server answered with an HTTP error: see {@link #status()}. */
        HTTP,
        /** No answer: the server could not be reached, or the connection broke. */
        CONNECTION,
        /** The server's certificate is not trusted: unknown and not accepted, changed, or not vouched for. */
        UNTRUSTED,
        /** The server answered something this client does not understand. */
        PROTOCOL
    }

    private final Kind kind;
    private final int status;
    private final transient Optional<Duration> retryAfter;

    private ClientException(Kind kind, int status, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The server answered {@code status} with this sentence. */
    public static ClientException http(int status, String message, Optional<Duration> retryAfter) {
        return new ClientException(Kind.HTTP, status, message, retryAfter, null);
    }

    public static ClientException connection(String message, Throwable cause) {
        return new ClientException(Kind.CONNECTION, 0, message, Optional.empty(), cause);
    }

    public static ClientException untrusted(String message, Throwable cause) {
        return new ClientException(Kind.UNTRUSTED, 0, message, Optional.empty(), cause);
    }

    public static ClientException protocol(String message, Throwable cause) {
        return new ClientException(Kind.PROTOCOL, 0, message, Optional.empty(), cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status; 0 when the server gave no HTTP answer. */
    public int status() {
        return status;
    }

    /** How long the server asked to wait before trying again (429, 503 when busy). */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}
