package org.skvmoip.server.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the API refuses, with the status and the sentence the client sees. Thrown for
 * expected refusals only, so it carries no stack trace.
 */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ApiResponse response;

    public ApiException(HttpResponseStatus status, String message) {
        this(ApiResponse.error(status, message), message);
    }

    private ApiException(ApiResponse response, String message) {
        super(message, null, false, false);
        this.response = response;
    }

    public ApiResponse response() {
        return response;
    }

    public HttpResponseStatus status() {
        return response.status();
    }

    public ApiException withHeader(String name, String value) {
        return new ApiException(response.withHeader(name, value), getMessage());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpResponseStatus.CONFLICT, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, message);
    }

    /** 401 with the challenge RFC 6750 asks for; {@code invalidToken} adds its error code. */
    public static ApiException unauthorized(String message, boolean invalidToken) {
        String challenge = invalidToken ? "Bearer realm=\"skvmoip\", error=\"invalid_token\"" : "Bearer realm=\"skvmoip\"";
        return new ApiException(HttpResponseStatus.UNAUTHORIZED, message).withHeader("WWW-Authenticate", challenge);
    }

    /**
     * 401 for a right password without the second factor the user has: the client asks for the
     * code and sends the login again. The body's {@code secondFactorRequired} says so to programs.
     */
    public static ApiException secondFactorRequired(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("secondFactorRequired", true);
        ApiResponse response = ApiResponse.json(HttpResponseStatus.UNAUTHORIZED, body).withHeader("WWW-Authenticate",
                "Bearer realm=\"skvmoip\", error=\"second_factor_required\"");
        return new ApiException(response, message);
    }

    public static ApiException tooManyRequests(String message, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiException(HttpResponseStatus.TOO_MANY_REQUESTS, message)
                .withHeader("Retry-After", Long.toString(seconds));
    }
}
