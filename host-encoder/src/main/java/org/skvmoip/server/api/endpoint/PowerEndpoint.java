package org.skvmoip.server.api.endpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;
import org.skvmoip.server.api.JsonBody;
import org.skvmoip.server.module.MachineControl;
import org.skvmoip.server.power.PowerAction;
import org.skvmoip.server.power.PowerControl;
import org.skvmoip.server.power.PowerOutcome;

/**
 * POST /api/machines/{name}/power {"action": "on"}: answers when the operation has finished (an
 * "off" waits for the OS to shut down), without holding a thread while it waits.
 */
public final class PowerEndpoint {

    /** The outcome as the client reads it. */
    public record Result(String action, boolean pressed, String power, String message) {
    }

    private final MachineLookup machines;
    private final PowerControl power;
    private final ApiAudit audit;

    public PowerEndpoint(MachineLookup machines, PowerControl power, ApiAudit audit) {
        this.machines = machines;
        this.power = power;
        this.audit = audit;
    }

    public CompletionStage<ApiResponse> handle(ApiRequest request) {
        return Audited.action(audit, request, "power", () -> {
            PowerAction action = action(JsonBody.parse(request.body()).text("action"));
            MachineControl control = machines.online(request.machine());
            return power.perform(control, action);
        }, PowerOutcome::message, outcome -> ApiResponse.json(result(outcome)));
    }

    static Result result(PowerOutcome outcome) {
        return new Result(wireName(outcome.action()), outcome.pressed(), outcome.powerLedAfter() ? "on" : "off",
                outcome.message());
    }

    /** "force-off" for FORCE_OFF: the names clients send and receive. */
    public static String wireName(PowerAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static PowerAction action(String name) throws ApiException {
        for (PowerAction action : PowerAction.values()) {
            if (wireName(action).equals(name)) {
                return action;
            }
        }
        throw ApiException.badRequest("field 'action' must be one of "
                + Arrays.stream(PowerAction.values()).map(PowerEndpoint::wireName).collect(Collectors.joining(", "))
                + ", was '" + name + "'");
    }
}
