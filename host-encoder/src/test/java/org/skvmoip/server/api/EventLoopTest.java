package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work that waits never holds up other connections. */
class EventLoopTest {

    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
    }

    @AfterEach
    void stop() throws Exception {
        api.modules.discoveryMayAnswer.countDown();
        api.close();
    }

    @Test
    void aRequestThatWaitsDoesNotDelayOthers_theyAreAnsweredWhileItWaits() throws Exception {
        String token = api.login("alice");
        CompletableFuture<HttpResponse<String>> discovery = api.getAsync("/api/modules/discover?wait=5000", token);
        assertThat(api.modules.discoveryStarted.await(10, TimeUnit.SECONDS)).isTrue();

        // Several requests on other connections, each of which the event loops must serve meanwhile.
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/machines/nope", api.login("bob")).statusCode()).isEqualTo(404);
        }
        assertThat(discovery).isNotDone();

        api.modules.discoveryMayAnswer.countDown();
        HttpResponse<String> found = discovery.get(10, TimeUnit.SECONDS);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(ApiFixture.json(found.body()).get(0).get("moduleId").asText())
                .isEqualTo(FakeModuleService.FOUND.moduleId());
    }
}
