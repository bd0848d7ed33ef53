package org.skvmoip.server.api;

import org.skvmoip.server.auth.Rights;

/**
 * Who sent a request: the logged-in user (empty for a public endpoint such as login), the remote
 * address, the token it came with, and what the user may do.
 */
public record Caller(String user, String remoteAddress, String token, Rights rights) {

    /** A caller with no rights: before login, or the metrics scraper. */
    public Caller(String user, String remoteAddress, String token) {
        this(user, remoteAddress, token, Rights.NONE);
    }

    public static Caller anonymous(String remoteAddress) {
        return new Caller("", remoteAddress, "");
    }

    /** The token stays out: this string reaches logs. */
    @Override
    public String toString() {
        return (user.isEmpty() ? "anonymous" : user) + "@" + remoteAddress;
    }
}
