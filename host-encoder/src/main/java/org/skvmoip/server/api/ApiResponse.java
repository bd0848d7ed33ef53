package org.skvmoip.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * What an endpoint answers, before it becomes Netty's response on the connection's event loop.
 *
 * @param headers extra headers (Retry-After, WWW-Authenticate, Allow...)
 */
public record ApiResponse(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public static ApiResponse json(Object value) {
        return json(HttpResponseStatus.OK, value);
    }

    public static ApiResponse json(HttpResponseStatus status, Object value) {
        return new ApiResponse(status, JSON, Json.bytes(value), Map.of());
    }

    public static ApiResponse bytes(String contentType, byte[] body) {
        return new ApiResponse(HttpResponseStatus.OK, contentType, body, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(HttpResponseStatus.NO_CONTENT, null, new byte[0], Map.of());
    }

    /** Every error body has the same shape: {"error": "what happened and what to do"}. */
    public static ApiResponse error(HttpResponseStatus status, String message) {
        return json(status, Map.of("error", message));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, Map.copyOf(more));
    }
}
