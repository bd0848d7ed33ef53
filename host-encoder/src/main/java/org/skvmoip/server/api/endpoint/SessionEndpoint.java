package org.skvmoip.server.api.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.auth.Sessions;

/** GET /api/session: who the caller's token is, so a client shows only the controls the role allows. */
public final class SessionEndpoint {

    private final Sessions sessions;

    public SessionEndpoint(Sessions sessions) {
        this.sessions = sessions;
    }

    public CompletionStage<ApiResponse> handle(ApiRequest request) throws ApiException {
        // The caller was authenticated a moment ago; a token ended since is answered as any ended token.
        Sessions.Live live = sessions.live(request.caller().token()).orElseThrow(() -> ApiException.unauthorized(
                "your session was ended; log in again", true));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", live.user());
        answer.put("role", request.caller().rights().role().map(Role::wireName).orElseThrow());
        answer.put("expires", live.expires().toString());
        answer.put("secondFactor", live.secondFactor());
        return CompletableFuture.completedFuture(ApiResponse.json(answer));
    }
}
