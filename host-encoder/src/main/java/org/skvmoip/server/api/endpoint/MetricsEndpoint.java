package org.skvmoip.server.api.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;
import org.skvmoip.server.metrics.Metrics;

/** GET /metrics: Prometheus text exposition format 0.0.4. */
public final class MetricsEndpoint {

    private final Supplier<String> metrics;

    public MetricsEndpoint(Supplier<String> metrics) {
        this.metrics = metrics;
    }

    public CompletionStage<ApiResponse> handle(ApiRequest request) {
        return CompletableFuture.completedFuture(
                ApiResponse.bytes(Metrics.CONTENT_TYPE, metrics.get().getBytes(StandardCharsets.UTF_8)));
    }
}
