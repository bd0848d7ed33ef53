package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.UserStore;

/** Guessing from one address against the real API server: nobody else is locked out. */
class ThrottleBySourceTest {

    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
        UserStore.open(api.dir.resolve("users.yaml"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS))
                .setPassword("admin", ApiFixture.PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static FromAddress.Answer login(FromAddress from, String password) throws Exception {
        return from.post("/api/login", "{\"user\":\"admin\",\"password\":\"" + password + "\"}");
    }

    @Test
    void twoHundredWrongPasswordsFromOneAddressLeaveTheRightOneWorkingFromAnother() throws Exception {
        try (FromAddress guesser = new FromAddress(api, "127.0.0.2"); FromAddress admin = new FromAddress(api, "127.0.0.3")) {
            int refused = 0;
            for (int i = 0; i < 200; i++) {
                int status = login(guesser, "guess-" + i).status();
                assertThat(status).isIn(401, 429);
                refused += status == 429 ? 1 : 0;
            }
            // Only attempts after each delay has run out are checked: a handful in the time 200 requests take.
            assertThat(refused).as("the guessing address is throttled").isGreaterThan(150);

            FromAddress.Answer other = login(admin, ApiFixture.PASSWORD);

            assertThat(other.status()).as(other.body()).isEqualTo(200);
        }
    }
}
