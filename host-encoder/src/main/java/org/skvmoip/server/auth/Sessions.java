package org.skvmoip.server.auth;

import java.util.Optional;

/** Login tokens: random, unguessable, expiring; presented as "Authorization: Bearer <token>". */
public final class Sessions {

    /** A new token for a user who just logged in. */
    public String issue(String user) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    /** The user a live token belongs to; empty for unknown or expired tokens. */
    public Optional<String> user(String token) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    public void revoke(String token) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }
}
