package org.skvmoip.server.api;

import io.netty.handler.codec.http.HttpMethod;

/**
 * One endpoint of the API: method and path pattern ("/api/machines/{name}/power"), who may call
 * it, and what serves it.
 */
public record Route(HttpMethod method, String pattern, Access access, Endpoint endpoint) {

    /** Who may call a route. */
    public enum Access {
        /** Anyone: login. */
        PUBLIC,
        /** A logged-in user's session token. */
        USER,
        /** The metrics token (for a scraper, which cannot log in) or a user's session token. */
        METRICS
    }

    /** What serves a route: an {@link HttpEndpoint} or a {@link SocketEndpoint}. */
    public interface Endpoint {
    }
}
