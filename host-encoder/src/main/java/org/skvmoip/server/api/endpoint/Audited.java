package org.skvmoip.server.api.endpoint;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;
import org.skvmoip.server.api.Failures;

/**
 * Runs an action on a machine and records it in the audit log once its answer is known: done,
 * refused (unknown machine, offline, bad request) or failed.
 */
final class Audited {

    /** The action itself: may throw (refused) or return a stage that fails later. */
    @FunctionalInterface
    interface Action<T> {
        CompletionStage<T> run() throws Exception;
    }

    private Audited() {
    }

    /**
     * @param outcome the audit line's outcome for a success; never typed text or a secret
     */
    static <T> CompletionStage<ApiResponse> action(ApiAudit audit, ApiRequest request, String action, Action<T> body,
            Function<T, String> outcome, Function<T, ApiResponse> response) {
        String machine = request.params().getOrDefault("name", "");
        CompletionStage<T> result;
        try {
            result = body.run();
        } catch (Exception e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((value, failure) -> audit.record(request.caller(), action, machine,
                failure == null ? "ok: " + outcome.apply(value) : Failures.outcome(failure)))
                .thenApply(response);
    }
}
