package org.skvmoip.client.api;

import java.time.Instant;

/**
 * A login: the session token and whose it is.
 *
 * @param token        43 characters; whoever has it acts as {@code user} until it ends
 * @param user         the user name
 * @param role         what the user may do
 * @param expires      the latest the session lives (an hour without use ends it sooner)
 * @param secondFactor the user logged in with a second factor (a TOTP or recovery code)
 */
public record Session(String token, String user, Role role, Instant expires, boolean secondFactor) {

    /** Without the token: a session may be logged. */
    @Override
    public String toString() {
        return "Session[user=" + user + ", role=" + role.wire() + ", expires=" + expires + ", secondFactor="
                + secondFactor + "]";
    }
}
