package org.skvmoip.server.api;

import java.util.concurrent.CompletionStage;

/**
 * A REST endpoint. Runs on the API's worker threads, never on a Netty event loop, so it may block
 * (password hashing, a snapshot); it may also answer later through the returned stage (a power
 * operation that waits for the power LED).
 */
@FunctionalInterface
public interface HttpEndpoint extends Route.Endpoint {

    CompletionStage<ApiResponse> handle(ApiRequest request) throws Exception;
}
