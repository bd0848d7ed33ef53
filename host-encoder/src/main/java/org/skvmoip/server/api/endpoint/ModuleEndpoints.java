package org.skvmoip.server.api.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;
import org.skvmoip.server.module.DiscoveredModule;
import org.skvmoip.server.module.ModuleService;

/** GET /api/modules/discover?wait=ms and POST /api/machines/{name}/adopt. */
public final class ModuleEndpoints {

    static final int DEFAULT_WAIT_MILLIS = 2000;
    static final int MAX_WAIT_MILLIS = 10_000;

    private final MachineLookup machines;
    private final ModuleService modules;
    private final ApiAudit audit;

    public ModuleEndpoints(MachineLookup machines, ModuleService modules, ApiAudit audit) {
        this.machines = machines;
        this.modules = modules;
        this.audit = audit;
    }

    /** Runs on a worker: it waits {@code wait} for answers. */
    public CompletionStage<ApiResponse> discover(ApiRequest request) {
        return Audited.action(audit, request, "discover", () -> {
            Duration wait = Duration.ofMillis(waitMillis(request.query("wait").orElse(null)));
            List<DiscoveredModule> found = modules.discover(wait);
            return CompletableFuture.completedFuture(found);
        }, found -> found.size() + " modules", ApiResponse::json);
    }

    public CompletionStage<ApiResponse> adopt(ApiRequest request) {
        return Audited.action(audit, request, "adopt", () -> {
            if (machines.known(request.machine()).module().isEmpty()) {
                throw ApiException.conflict("machine '" + request.machine()
                        + "' has no module address in the inventory; add one, then adopt");
            }
            return modules.adopt(request.machine());
        }, moduleId -> "module " + moduleId, moduleId -> ApiResponse.json(Map.of("moduleId", moduleId)));
    }

    static int waitMillis(String text) throws ApiException {
        if (text == null) {
            return DEFAULT_WAIT_MILLIS;
        }
        try {
            int millis = Integer.parseInt(text);
            if (millis >= 1 && millis <= MAX_WAIT_MILLIS) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("query parameter 'wait' must be milliseconds from 1 to " + MAX_WAIT_MILLIS
                + ", was '" + text + "'");
    }
}
