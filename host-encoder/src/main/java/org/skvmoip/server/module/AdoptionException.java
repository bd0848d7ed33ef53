package org.skvmoip.server.module;

/**
 * An adoption that did not happen (or whose secret could not be kept), with why, so the API can
 * answer "conflict" for a module adopted elsewhere and "unavailable" for one that cannot be reached.
 */
public final class AdoptionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What stood in the way. */
    public enum Reason {
        /** The machine is not in the inventory, or has no module address. */
        NOT_CONFIGURED,
        /** The module already holds a secret (this server's or another's). */
        ALREADY_ADOPTED,
        /** Another adoption of the same module is running. */
        BUSY,
        /** The module could not be reached, or the session ended before it took the secret. */
        UNREACHABLE,
        /** The module took the secret but the server could not store it. */
        NOT_SAVED
    }

    private final Reason reason;

    public AdoptionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AdoptionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
