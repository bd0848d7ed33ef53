package org.skvmoip.server.api;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http.HttpResponseStatus;

class RouterTest {

    private static final HttpEndpoint NOTHING = request -> CompletableFuture.completedFuture(ApiResponse.noContent());

    private final Router router = new Router()
            .add(new Route(GET, "/api/machines", Route.Access.USER, NOTHING))
            .add(new Route(GET, "/api/machines/{name}", Route.Access.USER, NOTHING))
            .add(new Route(POST, "/api/machines/{name}/power", Route.Access.USER, NOTHING));

    @Test
    void aPatternBindsItsParameters() throws Exception {
        Router.Match match = router.match(POST, "/api/machines/web-01/power");

        assertThat(match.route().pattern()).isEqualTo("/api/machines/{name}/power");
        assertThat(match.params()).isEqualTo(Map.of("name", "web-01"));
    }

    @Test
    void aTrailingSlashIsTheSamePath() throws Exception {
        assertThat(router.match(GET, "/api/machines/").route().pattern()).isEqualTo("/api/machines");
    }

    @Test
    void anEncodedSlashStaysInsideItsSegment() throws Exception {
        assertThat(router.match(GET, "/api/machines/a%2Fb").params()).isEqualTo(Map.of("name", "a/b"));
        assertThatThrownBy(() -> router.match(GET, "/api/machines/a/b"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpResponseStatus.NOT_FOUND));
    }

    @Test
    void anEmptyParameterMatchesNothing() {
        assertThatThrownBy(() -> router.match(POST, "/api/machines//power"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpResponseStatus.NOT_FOUND));
    }

    @Test
    void aKnownPathWithAnotherMethodIs405ListingTheMethods() {
        assertThatThrownBy(() -> router.match(POST, "/api/machines/web-01"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
                    assertThat(e.response().headers()).containsEntry("Allow", "GET");
                });
    }
}
