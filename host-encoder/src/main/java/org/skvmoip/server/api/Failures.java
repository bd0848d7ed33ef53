package org.skvmoip.server.api;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import org.skvmoip.server.module.AdoptionException;
import org.skvmoip.server.power.PowerException;
import org.skvmoip.server.stream.UnknownMachineException;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Turns what an endpoint threw (or its future failed with) into the response a client reads.
 * The services below the API write their exception messages for people, so those messages are
 * passed on; anything unexpected becomes a 500 whose details stay in the server's log.
 */
public final class Failures {

    private static final Logger LOG = System.getLogger(Failures.class.getName());

    private Failures() {
    }

    public static ApiResponse response(Throwable failure, Object request) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return api.response();
        }
        if (cause instanceof PowerException power) {
            return ApiResponse.error(switch (power.reason()) {
                case BUSY -> HttpResponseStatus.CONFLICT;
                case OFFLINE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
                case LINK_LOST -> HttpResponseStatus.BAD_GATEWAY;
            }, power.getMessage());
        }
        if (cause instanceof AdoptionException adoption) {
            return ApiResponse.error(switch (adoption.reason()) {
                case NOT_CONFIGURED, ALREADY_ADOPTED, BUSY -> HttpResponseStatus.CONFLICT;
                case UNREACHABLE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
                // The module holds a secret the server lost: the operator must act, say so plainly.
                case NOT_SAVED -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
            }, adoption.getMessage());
        }
        if (cause instanceof UnknownMachineException) {
            return ApiResponse.error(HttpResponseStatus.NOT_FOUND, cause.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return ApiResponse.error(HttpResponseStatus.BAD_REQUEST, cause.getMessage());
        }
        if (cause instanceof IllegalStateException) {
            // The services' way of saying "not now": another power operation runs, already adopted...
            return ApiResponse.error(HttpResponseStatus.CONFLICT, cause.getMessage());
        }
        if (cause instanceof RejectedExecutionException) {
            return ApiResponse.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "the server is busy with other requests; try again in a second").withHeader("Retry-After", "1");
        }
        if (cause instanceof TimeoutException) {
            return ApiResponse.error(HttpResponseStatus.GATEWAY_TIMEOUT,
                    "no answer in time" + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        if (cause instanceof IOException) {
            return ApiResponse.error(HttpResponseStatus.BAD_GATEWAY, String.valueOf(cause.getMessage()));
        }
        LOG.log(Level.ERROR, "unexpected failure serving " + request, cause);
        return ApiResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                "the server failed to serve this request (its log has the details)");
    }

    /** The failure itself, out of the CompletionException/ExecutionException wrappers of futures. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A one-line outcome for the audit log. */
    public static String outcome(Throwable failure) {
        Throwable cause = unwrap(failure);
        return "failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }
}
