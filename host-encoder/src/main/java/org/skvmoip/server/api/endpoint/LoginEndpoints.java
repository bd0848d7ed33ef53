package org.skvmoip.server.api.endpoint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;
import org.skvmoip.server.api.Caller;
import org.skvmoip.server.api.JsonBody;
import org.skvmoip.server.auth.LoginThrottle;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.Sessions;
import org.skvmoip.server.auth.UserStore;

/** POST /api/login and POST /api/logout. */
public final class LoginEndpoints {

    private static final int MAX_USER_LENGTH = 64;
    /** Far above any real password; bounds the work of hashing whatever a client sends. */
    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final UserStore users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ApiAudit audit;

    public LoginEndpoints(UserStore users, Sessions sessions, LoginThrottle throttle, ApiAudit audit) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Checks the throttle before the password, so a refused guess costs the server no hashing and
     * tells the guesser nothing. Runs on a worker: the hash is slow on purpose.
     */
    public CompletionStage<ApiResponse> login(ApiRequest request) throws ApiException {
        JsonBody body = JsonBody.parse(request.body());
        String user = body.text("user");
        String password = body.text("password");
        if (user.length() > MAX_USER_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw ApiException.badRequest("user name (at most " + MAX_USER_LENGTH + " characters) or password (at most "
                    + MAX_PASSWORD_LENGTH + ") too long");
        }
        String remote = request.caller().remoteAddress();
        Caller who = new Caller(user, remote, "");
        Duration wait = throttle.retryAfter(user, remote);
        if (wait.compareTo(Duration.ZERO) > 0) {
            audit.record(who, "login", "", "refused: throttled for " + wait.toSeconds() + " s");
            throw ApiException.tooManyRequests("too many failed logins for this user or from this address; try again in "
                    + Math.max(1, wait.toSeconds()) + " s", wait);
        }
        char[] secret = password.toCharArray();
        boolean valid;
        try {
            valid = users.verify(user, secret);
        } finally {
            PasswordHasher.clear(secret);
        }
        if (!valid) {
            throttle.failed(user, remote);
            audit.record(who, "login", "", "denied: wrong user name or password");
            throw ApiException.unauthorized("wrong user name or password", false);
        }
        throttle.succeeded(user, remote);
        String token = sessions.issue(user);
        audit.record(who, "login", "", "ok");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", token);
        answer.put("user", user);
        answer.put("role", users.account(user).map(account -> account.role().wireName()).orElse(null));
        // The latest the token lives; an hour without use ends it sooner (Sessions).
        answer.put("expires", sessions.live(token).map(live -> live.expires().toString()).orElse(null));
        return CompletableFuture.completedFuture(ApiResponse.json(answer));
    }

    public CompletionStage<ApiResponse> logout(ApiRequest request) {
        sessions.revoke(request.caller().token());
        audit.record(request.caller(), "logout", "", "ok");
        return CompletableFuture.completedFuture(ApiResponse.noContent());
    }
}
