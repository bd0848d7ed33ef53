package org.skvmoip.client.api;

import java.time.Instant;

/**
 * A login: the session token and whose it is.
 *
 * @param token   43 characters; whoever has it acts as {@code user} until it ends
 * @param user    the user name
 * @param expires the latest the session lives (an hour without use ends it sooner)
 */
public record Session(String token, String user, Instant expires) {

    /** Without the token: a session may be logged. */
    @Override
    public String toString() {
        return "Session[user=" + user + ", expires=" + expires + "]";
    }
}
