package org.skvmoip.server.api;

import java.util.Optional;

import org.skvmoip.server.api.endpoint.MachineLookup;
import org.skvmoip.server.auth.Rights;
import org.skvmoip.server.auth.Role;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The one place that decides whether a caller may use a route, REST or WebSocket alike, before
 * the endpoint runs or the socket opens. A machine the caller is not granted answers 404 in the
 * words an unknown machine gets, so its existence is not revealed; a granted machine (or an admin
 * action) the role does not allow answers 403 and is written to the audit log.
 */
final class Authorizer {

    private final ApiAudit audit;

    Authorizer(ApiAudit audit) {
        this.audit = audit;
    }

    void check(Route route, ApiRequest request) throws ApiException {
        Caller caller = request.caller();
        // No token: a public route, or the metrics scraper's own token on /metrics.
        if (route.access() == Route.Access.PUBLIC || caller.token().isEmpty()) {
            return;
        }
        Rights rights = caller.rights();
        Optional<String> machine = machine(request);
        if (machine.isPresent() && !rights.sees(machine.get())) {
            throw MachineLookup.unknown(machine.get());
        }
        String needs = switch (route.permission()) {
            case NONE, VIEW -> null;
            case CONTROL -> machine.isPresent() && rights.controls(machine.get()) ? null : "operator or admin";
            case ADMINISTER -> rights.administers() ? null : "admin";
            case EVERY_MACHINE -> rights.seesEveryMachine() ? null : "admin, or a grant of every machine (\"*\")";
        };
        if (needs != null) {
            String role = rights.role().map(Role::wireName).orElse("none");
            audit.record(caller, route.action(), machine.orElse(""), "forbidden: role " + role + ", needs " + needs);
            throw new ApiException(HttpResponseStatus.FORBIDDEN, caller.user() + " is " + article(role) + " " + role
                    + (machine.isPresent() ? " of '" + machine.get() + "'" : "") + ": " + route.action()
                    + " needs " + needs + "; an admin can change the role with: users role " + caller.user() + " ROLE");
        }
    }

    /** The machine a request names: the path's {name}, or ?machine= of the events socket. */
    private static Optional<String> machine(ApiRequest request) {
        String name = request.params().get("name");
        return name != null ? Optional.of(name) : request.query("machine");
    }

    private static String article(String role) {
        return role.startsWith("a") || role.startsWith("o") ? "an" : "a";
    }
}
