package org.skvmoip.server.api.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;

/** GET /metrics: Prometheus text exposition format 0.0.4. */
public final class MetricsEndpoint {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> metrics;

    public MetricsEndpoint(Supplier<String> metrics) {
        this.metrics = metrics;
    }

    public CompletionStage<ApiResponse> handle(ApiRequest request) {
        return CompletableFuture.completedFuture(
                ApiResponse.bytes(CONTENT_TYPE, metrics.get().getBytes(StandardCharsets.UTF_8)));
    }
}
