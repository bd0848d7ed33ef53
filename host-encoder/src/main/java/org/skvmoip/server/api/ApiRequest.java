package org.skvmoip.server.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * A routed request as endpoints see it: the body copied out of Netty's buffer so that an
 * endpoint can run on any thread.
 *
 * @param params path parameters by name ({@code {name}} in the route's pattern)
 */
public record ApiRequest(HttpMethod method, String path, Map<String, String> params, Map<String, List<String>> query,
        HttpHeaders headers, byte[] body, Caller caller) {

    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no parameter {" + name + "}");
        }
        return value;
    }

    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The caller's user; endpoints behind authentication always have one. */
    public String user() {
        return caller.user();
    }

    /** The path parameter every machine route has. */
    public String machine() {
        return param("name");
    }

    @Override
    public String toString() {
        return method + " " + path + " from " + caller;
    }
}
