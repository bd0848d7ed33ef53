package org.skvmoip.server.api.endpoint;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;

/** GET /api/machines and GET /api/machines/{name}. */
public final class MachineEndpoints {

    private final MachineViews views;

    public MachineEndpoints(MachineViews views) {
        this.views = views;
    }

    public CompletionStage<ApiResponse> list(ApiRequest request) {
        return CompletableFuture.completedFuture(ApiResponse.json(views.all(request.caller().rights())));
    }

    public CompletionStage<ApiResponse> one(ApiRequest request) throws ApiException {
        return CompletableFuture.completedFuture(ApiResponse.json(views.one(request.machine(), request.caller().rights())));
    }
}
