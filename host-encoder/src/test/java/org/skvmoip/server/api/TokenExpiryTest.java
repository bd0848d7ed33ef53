package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.auth.Sessions;

/** A token's expiry closes its sockets by itself, with no request to notice it. */
class TokenExpiryTest {

    private final MovableClock clock = new MovableClock();
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(new Sessions(clock, Sessions.DEFAULT_LIFETIME, Sessions.DEFAULT_IDLE_TIMEOUT,
                Sessions.DEFAULT_TOKENS_PER_USER));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void twelveHoursAfterLoginTheTokensVideoSocketClosesAndItsRequestsAre401() throws Exception {
        String token = api.login("bob");
        Frames video = Frames.reading();
        api.socket("/api/machines/m1/video", token, video);
        api.video.awaitViewers("m1", 1);

        clock.advance(Sessions.DEFAULT_LIFETIME);

        assertThat(video.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4001 session expired");
        assertThat(api.video.awaitViewers("m1", 0)).isEmpty();
        HttpResponse<String> after = api.get("/api/machines", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(after.body()).get("error").asText())
                .isEqualTo("your session was ended (session expired); log in again");
    }

    @Test
    void anOpenSocketKeepsItsTokenAlivePastTheIdleHour() throws Exception {
        String token = api.login("bob");
        Frames video = Frames.reading();
        api.socket("/api/machines/m1/video", token, video);
        api.video.awaitViewers("m1", 1);

        clock.advance(Sessions.DEFAULT_IDLE_TIMEOUT.plus(Duration.ofMinutes(1)));
        api.sessions.sweep();

        assertThat(video.closed).isNotDone();
        assertThat(api.get("/api/machines", token).statusCode()).isEqualTo(200);
    }
}
