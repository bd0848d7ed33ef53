package org.skvmoip.server.api;

import io.netty.handler.codec.http.HttpMethod;

/**
 * One endpoint of the API: method and path pattern ("/api/machines/{name}/power"), who may call
 * it, what a user calling it needs, and what serves it.
 */
public record Route(HttpMethod method, String pattern, Access access, Permission permission, Endpoint endpoint) {

    /** A route any logged-in user (or anyone, for PUBLIC) may call. */
    public Route(HttpMethod method, String pattern, Access access, Endpoint endpoint) {
        this(method, pattern, access, Permission.NONE, endpoint);
    }

    /** Who may call a route. */
    public enum Access {
        /** Anyone: login. */
        PUBLIC,
        /** A logged-in user's session token. */
        USER,
        /** The metrics token (for a scraper, which cannot log in) or a user's session token. */
        METRICS
    }

    /** The audit log's name of the route's action: its last literal segment ("power", "input"). */
    public String action() {
        String[] segments = pattern.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty() && !segments[i].startsWith("{")) {
                return segments[i];
            }
        }
        return pattern;
    }

    /** What serves a route: an {@link HttpEndpoint} or a {@link SocketEndpoint}. */
    public interface Endpoint {
    }
}
