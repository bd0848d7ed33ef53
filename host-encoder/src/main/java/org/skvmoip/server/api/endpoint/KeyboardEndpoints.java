package org.skvmoip.server.api.endpoint;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;
import org.skvmoip.server.api.Failures;
import org.skvmoip.server.api.JsonBody;
import org.skvmoip.server.api.ViewerId;
import org.skvmoip.server.input.ControlSeats;
import org.skvmoip.server.input.KeyCombo;
import org.skvmoip.server.input.KeyStroke;
import org.skvmoip.server.input.KeyboardLayout;
import org.skvmoip.server.input.Typist;
import org.skvmoip.server.module.MachineControl;

/**
 * POST /api/machines/{name}/type {"text": ..., "layout": "us"} and POST .../keys {"combo": "ctrl+alt+delete"}.
 * Both answer once the last key is up. Typed text never reaches the audit log (it may be a password).
 */
public final class KeyboardEndpoints {

    public static final String DEFAULT_LAYOUT = "us";
    /** About a minute of typing; a longer paste is a mistake more often than not. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    private final MachineLookup machines;
    private final ControlSeats seats;
    private final Typist typist;
    private final Map<String, KeyboardLayout> layouts;
    private final ApiAudit audit;

    public KeyboardEndpoints(MachineLookup machines, ControlSeats seats, Typist typist,
            Map<String, KeyboardLayout> layouts, ApiAudit audit) {
        this.machines = machines;
        this.seats = seats;
        this.typist = typist;
        this.layouts = layouts;
        this.audit = audit;
    }

    public CompletionStage<ApiResponse> type(ApiRequest request) {
        return Audited.action(audit, request, "type", () -> {
            JsonBody body = JsonBody.parse(request.body());
            String text = body.text("text");
            if (text.length() > MAX_TEXT_LENGTH) {
                throw ApiException.badRequest("field 'text' has " + text.length() + " characters, at most "
                        + MAX_TEXT_LENGTH + " can be typed at once");
            }
            List<KeyStroke> strokes = layout(body.optionalText("layout").orElse(DEFAULT_LAYOUT)).strokes(text);
            return linkDown(typist.type(usable(request), strokes)).thenApply(done -> text.length());
        }, typed -> typed + " characters", typed -> ApiResponse.json(Map.of("typed", typed)));
    }

    public CompletionStage<ApiResponse> keys(ApiRequest request) {
        return Audited.action(audit, request, "keys", () -> {
            String combo = JsonBody.parse(request.body()).text("combo");
            KeyCombo keys = KeyCombo.parse(combo);
            return linkDown(typist.press(usable(request), keys)).thenApply(done -> combo);
        }, combo -> combo, combo -> ApiResponse.json(Map.of("pressed", combo)));
    }

    private KeyboardLayout layout(String name) throws ApiException {
        KeyboardLayout layout = layouts.get(name);
        if (layout == null) {
            throw ApiException.badRequest("unknown keyboard layout '" + name + "'; this server has "
                    + String.join(", ", new TreeSet<>(layouts.keySet())));
        }
        return layout;
    }

    /** The Typist fails when the module's link drops while it types (or at shutdown): 503, not a conflict. */
    private static CompletableFuture<Void> linkDown(CompletableFuture<Void> typing) {
        return typing.handle((done, failure) -> {
            if (failure == null) {
                return done;
            }
            Throwable cause = Failures.unwrap(failure);
            throw new CompletionException(cause instanceof IllegalStateException
                    ? ApiException.unavailable(cause.getMessage()) : cause);
        });
    }

    /**
     * The machine's control, unless someone else controls it interactively: their keys and ours
     * would mix on the target. The controller's own REST calls (a paste from their client) pass.
     */
    private MachineControl usable(ApiRequest request) throws ApiException {
        MachineControl control = machines.online(request.machine());
        String other = seats.controller(request.machine()).map(ViewerId::user).orElse(request.user());
        if (!other.equals(request.user())) {
            throw ApiException.conflict(other + " controls '" + request.machine()
                    + "' now; keys sent now would mix with theirs. Ask them to release control, or take it over");
        }
        return control;
    }
}
