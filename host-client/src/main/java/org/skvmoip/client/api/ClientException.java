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

    /** What a 401 said besides its sentence. */
    enum Unauthorized {
        /** Not a 401, or one that says nothing more (a wrong user name or password). */
        PLAIN,
        /** The password was right; the user's second factor is wanted too. */
        SECOND_FACTOR_REQUIRED,
        /** The token presented has ended (logout, expiry, eviction, an account change). */
        SESSION_ENDED
    }

    private final Kind kind;
    private final int status;
    private final transient Optional<Duration> retryAfter;
    private final Unauthorized unauthorized;

    private ClientException(Kind kind, int status, String message, Optional<Duration> retryAfter,
            Unauthorized unauthorized, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.unauthorized = unauthorized;
    }

    /** The server answered {@code status} with this sentence. */
    public static ClientException http(int status, String message, Optional<Duration> retryAfter) {
        return new ClientException(Kind.HTTP, status, message, retryAfter, Unauthorized.PLAIN, null);
    }

    static ClientException unauthorized(String message, Unauthorized what) {
        return new ClientException(Kind.HTTP, 401, message, Optional.empty(), what, null);
    }

    /** The session ended while a socket was open (close code 4001): {@code reason} is the server's. */
    static ClientException sessionEnded(String reason) {
        return unauthorized(reason, Unauthorized.SESSION_ENDED);
    }

    public static ClientException connection(String message, Throwable cause) {
        return new ClientException(Kind.CONNECTION, 0, message, Optional.empty(), Unauthorized.PLAIN, cause);
    }

    public static ClientException untrusted(String message, Throwable cause) {
        return new ClientException(Kind.UNTRUSTED, 0, message, Optional.empty(), Unauthorized.PLAIN, cause);
    }

    public static ClientException protocol(String message, Throwable cause) {
        return new ClientException(Kind.PROTOCOL, 0, message, Optional.empty(), Unauthorized.PLAIN, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status; 0 when the server gave no HTTP answer. */
    public int status() {
        return status;
    }

    /** At login: the password was right and the second factor's code is wanted too. */
    public boolean secondFactorRequired() {
        return unauthorized == Unauthorized.SECOND_FACTOR_REQUIRED;
    }

    /** The session's token has ended: the user must log in again. The message says why when the server knows. */
    public boolean sessionEnded() {
        return unauthorized == Unauthorized.SESSION_ENDED;
    }

    /** The caller's role or grants do not allow the request (403): the message says who, what role, what is needed. */
    public boolean forbidden() {
        return kind == Kind.HTTP && status == 403;
    }

    /** How long the server asked to wait before trying again (429, 503 when busy). */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}
