package org.skvmoip.server.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.skvmoip.server.auth.Account;
import org.skvmoip.server.auth.Rights;
import org.skvmoip.server.auth.Sessions;
import org.skvmoip.server.auth.UserStore;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Finds the caller of a request from its bearer token, with the rights their account has now.
 *
 * <p>A token travels in "Authorization: Bearer". Browsers cannot set headers on a WebSocket, so an
 * upgrade request may instead offer it as a subprotocol "bearer.TOKEN" (next to "skvmoip", the one
 * the server selects) or, for clients that can do neither, as "?token=". The server never logs
 * query strings or headers.
 */
final class Authenticator {

    static final String SUBPROTOCOL_PREFIX = "bearer.";

    private final Sessions sessions;
    private final UserStore users;
    private final Map<String, List<String>> groups;
    private final Optional<MetricsToken> metricsToken;
    private final Authorizer authorizer;

    /** @param groups the inventory's groups of machines, for grants of "group:NAME" */
    Authenticator(Sessions sessions, UserStore users, Map<String, List<String>> groups,
            Optional<MetricsToken> metricsToken, Authorizer authorizer) {
        this.sessions = sessions;
        this.users = users;
        this.groups = groups;
        this.metricsToken = metricsToken;
        this.authorizer = authorizer;
    }

    Sessions sessions() {
        return sessions;
    }

    /** Whether the authenticated caller may use the route (see Authorizer): 404 or 403 when not. */
    void authorize(Route route, ApiRequest request) throws ApiException {
        authorizer.check(route, request);
    }

    Caller authenticate(Route.Access access, HttpHeaders headers, Map<String, List<String>> query,
            boolean upgrade, String remoteAddress) throws ApiException {
        if (access == Route.Access.PUBLIC) {
            return Caller.anonymous(remoteAddress);
        }
        Optional<String> token = token(headers, query, upgrade);
        if (token.isEmpty()) {
            throw ApiException.unauthorized("log in first (POST /api/login), then send the token as "
                    + "'Authorization: Bearer <token>'", false);
        }
        if (access == Route.Access.METRICS && metricsToken.isPresent() && metricsToken.get().matches(token.get())) {
            return new Caller("metrics", remoteAddress, "");
        }
        Optional<String> user = sessions.user(token.get());
        // As last read: this runs on an event loop. A change of the file ends the user's tokens within a second.
        Optional<Account> account = user.flatMap(users::loaded);
        if (account.isEmpty()) {
            Optional<String> why = sessions.endedReason(token.get());
            throw ApiException.unauthorized(why.map(Authenticator::ended)
                    .orElse("the token is unknown or has expired; log in again"), true);
        }
        return new Caller(user.get(), remoteAddress, token.get(), Rights.of(account.get(), groups));
    }

    private static String ended(String reason) {
        return "your session was ended (" + reason + ")" + (reason.endsWith("log in again") ? "" : "; log in again");
    }

    static Optional<String> token(HttpHeaders headers, Map<String, List<String>> query, boolean upgrade) {
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return nonEmpty(authorization.substring(7).strip());
        }
        if (!upgrade) {
            return Optional.empty();
        }
        for (String protocol : headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String offered : protocol.split(",")) {
                String p = offered.strip();
                if (p.startsWith(SUBPROTOCOL_PREFIX)) {
                    return nonEmpty(p.substring(SUBPROTOCOL_PREFIX.length()));
                }
            }
        }
        List<String> fromQuery = query.get("token");
        return fromQuery == null || fromQuery.isEmpty() ? Optional.empty() : nonEmpty(fromQuery.get(0));
    }

    private static Optional<String> nonEmpty(String token) {
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
