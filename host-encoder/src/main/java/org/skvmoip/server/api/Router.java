package org.skvmoip.server.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Finds the route of a request by method and path. Patterns are literal segments and
 * {@code {param}} segments; a path that matches a pattern but not its method is a 405 that lists
 * the methods it has.
 */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    /** A route found, with the path parameters it bound. */
    public record Match(Route route, Map<String, String> params) {
    }

    public Router add(Route route) {
        if (!route.pattern().startsWith("/")) {
            throw new IllegalArgumentException("a route pattern starts with '/': " + route.pattern());
        }
        routes.add(route);
        return this;
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    /** @param rawPath the path as sent, still percent-encoded, so an encoded '/' cannot split a segment */
    public Match match(HttpMethod method, String rawPath) throws ApiException {
        String[] segments = segments(rawPath);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = bind(segments(route.pattern()), segments);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, params);
            }
            allowed.add(route.method().name());
        }
        String target = method + " " + rawPath;
        if (allowed.isEmpty()) {
            throw ApiException.notFound("no such endpoint: " + target + " (docs/api.md lists them)");
        }
        String allow = String.join(", ", allowed);
        throw new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, target + " is not allowed; use " + allow)
                .withHeader("Allow", allow);
    }

    private static Map<String, String> bind(String[] pattern, String[] path) throws ApiException {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), decode(path[i]));
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String decode(String segment) throws ApiException {
        try {
            return QueryStringDecoder.decodeComponent(segment);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the path segment '" + segment + "' is not valid percent-encoding");
        }
    }

    private static String[] segments(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(1).split("/", -1);
    }
}
