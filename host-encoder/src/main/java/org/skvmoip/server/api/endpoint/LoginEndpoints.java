package org.skvmoip.server.api.endpoint;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.netty.handler.codec.http.HttpResponseStatus;

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
import org.skvmoip.server.auth.totp.RecoveryCodes;
import org.skvmoip.server.auth.totp.SecondFactors;
import org.skvmoip.server.auth.totp.Totp;

/**
 * POST /api/login and POST /api/logout.
 *
 * <p>A user with a second factor sends its code as {@code "otp"}, or appended to the password
 * (the password followed by the 6 digits, as other KVMs accept), or a recovery code as
 * {@code "otp"}. A right password without the code answers 401 with
 * {@code secondFactorRequired}, which the throttle does not count as a failure; a wrong code is
 * a failure like a wrong password.
 */
public final class LoginEndpoints {

    private static final int MAX_USER_LENGTH = 64;
    /** Far above any real password; bounds the work of hashing whatever a client sends. */
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private static final int MAX_OTP_LENGTH = 32;

    private final UserStore users;
    private final SecondFactors secondFactors;
    private final boolean secondFactorRequiredForAdmins;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ApiAudit audit;

    public LoginEndpoints(UserStore users, SecondFactors secondFactors, boolean secondFactorRequiredForAdmins,
            Sessions sessions, LoginThrottle throttle, ApiAudit audit) {
        this.users = users;
        this.secondFactors = secondFactors;
        this.secondFactorRequiredForAdmins = secondFactorRequiredForAdmins;
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
        Optional<String> otp = body.optionalTextOrBlank("otp");
        if (user.length() > MAX_USER_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw ApiException.badRequest("user name (at most " + MAX_USER_LENGTH + " characters) or password (at most "
                    + MAX_PASSWORD_LENGTH + ") too long");
        }
        if (otp.isPresent() && !looksLikeSecondFactor(otp.get())) {
            throw ApiException.badRequest("otp: expected the 6 digits your authenticator app shows, or a recovery code"
                    + " such as abcd-efgh-ij");
        }
        String remote = request.caller().remoteAddress();
        Caller who = new Caller(user, remote, "");
        LoginThrottle.Verdict verdict = throttle.admit(user, remote);
        if (!verdict.allowed()) {
            long seconds = Math.max(1, verdict.retryAfter().toSeconds());
            audit.record(who, "login", "", "refused: throttled for " + seconds + " s");
            throw ApiException.tooManyRequests(verdict.byCeiling()
                    ? "too many failed logins on this server just now; try again in " + seconds + " s"
                    : "too many failed logins for this user from this address; try again in " + seconds + " s",
                    verdict.retryAfter());
        }
        PasswordCheck checked = checkPassword(user, password, otp);
        if (!checked.valid) {
            throttle.failed(user, remote);
            audit.record(who, "login", "", "denied: wrong user name or password");
            throw ApiException.unauthorized("wrong user name or password", false);
        }
        boolean enrolled = secondFactors.enrolled(user);
        String how = "";
        if (enrolled) {
            how = checkSecondFactor(who, checked.code);
        } else if (secondFactorRequiredForAdmins && isAdmin(user)) {
            audit.record(who, "login", "", "refused: admin without a second factor");
            throw new ApiException(HttpResponseStatus.FORBIDDEN, "this server requires a second factor of admins, and "
                    + user + " has none: an administrator can enrol it on the server with `users totp enroll " + user
                    + "`");
        }
        throttle.succeeded(user, remote);
        String token = sessions.issue(user);
        audit.record(who, "login", "", "ok" + how);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", token);
        answer.put("user", user);
        answer.put("role", role(user));
        // The latest the token lives; an hour without use ends it sooner (Sessions).
        answer.put("expires", sessions.live(token).map(live -> live.expires().toString()).orElse(null));
        answer.put("secondFactor", enrolled);
        return CompletableFuture.completedFuture(ApiResponse.json(answer));
    }

    public CompletionStage<ApiResponse> logout(ApiRequest request) {
        sessions.revoke(request.caller().token());
        audit.record(request.caller(), "logout", "", "ok");
        return CompletableFuture.completedFuture(ApiResponse.noContent());
    }

    /** The user's role in the users file (merge of accounts and totp). */
    private String role(String user) {
        return users.account(user).map(account -> account.role().wireName()).orElse(null);
    }

    private boolean isAdmin(String user) {
        return "admin".equals(role(user));
    }

    /** The audit's note on how the second factor was given; refusals throw. */
    private String checkSecondFactor(Caller who, Optional<String> code) throws ApiException {
        if (code.isEmpty()) {
            // The password was right: not a failure, and the client now asks for the code.
            audit.record(who, "login", "", "refused: second factor required");
            throw ApiException.secondFactorRequired("this user has a second factor: send the 6-digit code of the"
                    + " authenticator app as \"otp\" (or after the password), or a recovery code as \"otp\"");
        }
        Duration wait = throttle.codeWait(who.user());
        if (wait.compareTo(Duration.ZERO) > 0) {
            long seconds = Math.max(1, wait.toSeconds());
            audit.record(who, "login", "", "refused: second factor throttled for " + seconds + " s");
            throw ApiException.tooManyRequests("too many wrong second factor codes for this user; try again in "
                    + seconds + " s", wait);
        }
        SecondFactors.Check check;
        try {
            check = secondFactors.check(who.user(), code.get());
        } catch (IOException e) {
            throw ApiException.unavailable("the server cannot record the second factor's use just now ("
                    + e.getMessage() + "); try again, or tell the administrator");
        }
        if (check == SecondFactors.Check.REFUSED) {
            throttle.failed(who.user(), who.remoteAddress());
            throttle.codeFailed(who.user());
            audit.record(who, "login", "", "denied: wrong or used second factor code");
            throw ApiException.unauthorized("wrong, expired or already used second factor code", false);
        }
        return check == SecondFactors.Check.RECOVERY_CODE
                ? " (recovery code; " + secondFactors.recoveryCodesLeft(who.user()) + " left)" : "";
    }

    private static boolean looksLikeSecondFactor(String otp) {
        return otp.length() <= MAX_OTP_LENGTH && (Totp.looksLikeCode(otp) || RecoveryCodes.canonical(otp).isPresent());
    }

    /** Whether the password is right, and the code that came with it (the "otp" field or the appended digits). */
    private record PasswordCheck(boolean valid, Optional<String> code) {
    }

    /**
     * A password ending in 6 digits without an "otp" may be the password and a code appended.
     * Both readings are checked for every user, whether or not they have a second factor, so the
     * time a failure takes tells nothing about the user.
     */
    private PasswordCheck checkPassword(String user, String password, Optional<String> otp) {
        int split = password.length() - Totp.DIGITS;
        boolean appended = otp.isEmpty() && split > 0 && Totp.looksLikeCode(password.substring(split));
        if (!appended) {
            return new PasswordCheck(verify(user, password), otp);
        }
        String withoutCode = password.substring(0, split);
        if (secondFactors.enrolled(user)) {
            if (verify(user, withoutCode)) {
                return new PasswordCheck(true, Optional.of(password.substring(split)));
            }
            return new PasswordCheck(verify(user, password), Optional.empty());
        }
        boolean whole = verify(user, password);
        if (!whole) {
            // Spent for the time only: a user without a second factor has no code to append.
            verify(user, withoutCode);
        }
        return new PasswordCheck(whole, Optional.empty());
    }

    private boolean verify(String user, String password) {
        char[] secret = password.toCharArray();
        try {
            return users.verify(user, secret);
        } finally {
            PasswordHasher.clear(secret);
        }
    }
}
