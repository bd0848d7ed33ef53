package org.skvmoip.server.auth;

import java.time.Duration;

/**
 * Slows password guessing: after a few failures for a user name or from an address, further
 * attempts are refused (HTTP 429 with Retry-After) for a delay that doubles with each failure.
 */
public final class LoginThrottle {

    /** How long this attempt must wait before a password is even checked; zero: go ahead. */
    public Duration retryAfter(String user, String remoteAddress) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    public void failed(String user, String remoteAddress) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    public void succeeded(String user, String remoteAddress) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }
}
