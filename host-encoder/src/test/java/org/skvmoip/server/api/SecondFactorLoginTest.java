package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.auth.LoginThrottle;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.auth.totp.Enrollment;
import org.skvmoip.server.auth.totp.RecoveryCodes;
import org.skvmoip.server.auth.totp.Totp;

/** Logins of users with a TOTP second factor, against the real API server. */
class SecondFactorLoginTest {

    private ApiFixture api;

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    private Enrollment enrolAlice() throws Exception {
        api = new ApiFixture();
        return api.secondFactors.enroll("alice");
    }

    private HttpResponse<String> login(String password, String otp) throws Exception {
        String otpField = otp == null ? "" : ",\"otp\":\"" + otp + "\"";
        return api.post("/api/login", null, "{\"user\":\"alice\",\"password\":\"" + password + "\"" + otpField + "}");
    }

    private static String codeOfStep(Enrollment enrollment, long offset) {
        return Totp.code(enrollment.key(), Totp.step(Clock.systemUTC().instant()) + offset);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theCurrentCodeAsOtpLogsIn_andSaysSo() throws Exception {
        Enrollment alice = enrolAlice();

        HttpResponse<String> login = login(ApiFixture.PASSWORD, codeOfStep(alice, 0));

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = ApiFixture.json(login.body());
        assertThat(body.get("token").asText()).hasSize(43);
        assertThat(body.get("secondFactor").asBoolean()).isTrue();
    }

    @Test
    void aWrongCodeIsRefused() throws Exception {
        Enrollment alice = enrolAlice();

        HttpResponse<String> login = login(ApiFixture.PASSWORD, wrong(codeOfStep(alice, 0)));

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(login.body()).has("secondFactorRequired")).isFalse();
        assertThat(api.auditLines(1)).anySatisfy(line -> assertThat(line).contains("denied: wrong or used second factor"));
    }

    @Test
    void aCodeOnceAcceptedCannotBeUsedAgain() throws Exception {
        Enrollment alice = enrolAlice();
        String code = codeOfStep(alice, 0);
        assertThat(login(ApiFixture.PASSWORD, code).statusCode()).isEqualTo(200);

        HttpResponse<String> again = login(ApiFixture.PASSWORD, code);

        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(again.body()).get("error").asText()).contains("already used");
    }

    @Test
    void wrongCodesFromManyAddressesDelayTheUsersCodes() throws Exception {
        Enrollment alice = enrolAlice();
        String body = "{\"user\":\"alice\",\"password\":\"" + ApiFixture.PASSWORD + "\",\"otp\":\"";
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            try (FromAddress guesser = new FromAddress(api, "127.0.1." + (i + 1))) {
                assertThat(guesser.post("/api/login", body + wrong(codeOfStep(alice, 0)) + "\"}").status()).isEqualTo(401);
            }
        }

        try (FromAddress other = new FromAddress(api, "127.0.2.1")) {
            FromAddress.Answer refused = other.post("/api/login", body + codeOfStep(alice, 0) + "\"}");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("too many wrong second factor codes");
        }
    }

    @Test
    void aCodeOfTwoStepsAgoHasExpired() throws Exception {
        Enrollment alice = enrolAlice();

        assertThat(login(ApiFixture.PASSWORD, codeOfStep(alice, -2)).statusCode()).isEqualTo(401);
        assertThat(login(ApiFixture.PASSWORD, codeOfStep(alice, -1)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRecoveryCodeWorksOnceAndOnlyOnce() throws Exception {
        Enrollment alice = enrolAlice();
        String recovery = RecoveryCodes.display(alice.recoveryCodes().get(3));

        assertThat(login(ApiFixture.PASSWORD, recovery).statusCode()).isEqualTo(200);
        assertThat(login(ApiFixture.PASSWORD, recovery).statusCode()).isEqualTo(401);
        assertThat(api.secondFactors.recoveryCodesLeft("alice")).isEqualTo(9);
        assertThat(api.auditLines(3)).anySatisfy(line -> assertThat(line).contains("ok (recovery code; 9 left)"));
    }

    @Test
    void theCodeAppendedToThePasswordLogsIn() throws Exception {
        Enrollment alice = enrolAlice();

        assertThat(login(ApiFixture.PASSWORD + codeOfStep(alice, 0), null).statusCode()).isEqualTo(200);
        assertThat(login(ApiFixture.PASSWORD + wrong(codeOfStep(alice, 0)), null).statusCode()).isEqualTo(401);
    }

    @Test
    void aUserWithoutASecondFactorMayHaveDigitsAtTheEndOfThePassword() throws Exception {
        api = new ApiFixture();
        UserStore users = UserStore.open(api.dir.resolve("users.yaml"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
        users.setPassword("carol", "tulips123456".toCharArray());

        HttpResponse<String> login = api.post("/api/login", null, "{\"user\":\"carol\",\"password\":\"tulips123456\"}");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(ApiFixture.json(login.body()).get("secondFactor").asBoolean()).isFalse();
    }

    @Test
    void theRightPasswordWithoutTheCodeAsksForIt_andIsNoFailure() throws Exception {
        Enrollment alice = enrolAlice();
        for (int i = 0; i < 3 * LoginThrottle.FREE_FAILURES; i++) {
            HttpResponse<String> asked = login(ApiFixture.PASSWORD, null);

            assertThat(asked.statusCode()).isEqualTo(401);
            assertThat(ApiFixture.json(asked.body()).get("secondFactorRequired").asBoolean()).isTrue();
            assertThat(asked.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .isEqualTo("Bearer realm=\"skvmoip\", error=\"second_factor_required\"");
        }

        assertThat(login(ApiFixture.PASSWORD, codeOfStep(alice, 0)).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordWithoutTheCodeDoesNotSayASecondFactorExists() throws Exception {
        enrolAlice();

        HttpResponse<String> login = login("not the password", null);

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(login.body()).has("secondFactorRequired")).isFalse();
    }

    @Test
    void anOtpThatIsNeitherACodeNorARecoveryCodeIs400() throws Exception {
        enrolAlice();

        HttpResponse<String> login = login(ApiFixture.PASSWORD, "12345");

        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(login.body()).get("error").asText()).contains("6 digits", "abcd-efgh-ij");
    }

    @Test
    void whenRequiredAnAdminWithoutASecondFactorIsRefused_untilOneIsEnrolled() throws Exception {
        api = new ApiFixture(ApiSettings.loopback(), true);

        HttpResponse<String> refused = login(ApiFixture.PASSWORD, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiFixture.json(refused.body()).get("error").asText()).contains("`users totp enroll alice`");
        Enrollment alice = api.secondFactors.enroll("alice");
        assertThat(login(ApiFixture.PASSWORD, codeOfStep(alice, 0)).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTheSettingAUserWithoutASecondFactorLogsInWithThePasswordAlone() throws Exception {
        api = new ApiFixture();

        assertThat(api.post("/api/login", null, "{\"user\":\"bob\",\"password\":\"" + ApiFixture.PASSWORD + "\"}")
                .statusCode()).isEqualTo(200);
    }
}
