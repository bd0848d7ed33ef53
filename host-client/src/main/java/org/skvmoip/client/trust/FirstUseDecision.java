package org.skvmoip.client.trust;

/**
 * Asks the user whether to trust a server met for the first time. Called on the thread that
 * made the request, after the refused handshake (so a person may take their time), never on a
 * TLS or network thread; a UI shows a dialog and waits for the answer. True stores the
 * fingerprint and the request is made again.
 */
@FunctionalInterface
public interface FirstUseDecision {

    /** Trusts every new server without asking (scripts that run {@code --accept-new}); never a changed one. */
    FirstUseDecision ACCEPT = server -> true;
    /** Trusts no server that is not already known. */
    FirstUseDecision REFUSE = server -> false;

    boolean trust(UnknownServer server);
}
