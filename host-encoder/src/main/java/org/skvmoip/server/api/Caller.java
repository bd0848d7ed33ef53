package org.skvmoip.server.api;

/**
 * Who sent a request: the logged-in user (empty for a public endpoint such as login), the remote
 * address, and the token it came with.
 */
public record Caller(String user, String remoteAddress, String token) {

    public static Caller anonymous(String remoteAddress) {
        return new Caller("", remoteAddress, "");
    }

    /** The token stays out: this string reaches logs. */
    @Override
    public String toString() {
        return (user.isEmpty() ? "anonymous" : user) + "@" + remoteAddress;
    }
}
