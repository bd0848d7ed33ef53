package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.Sessions;
import org.skvmoip.server.auth.UserStore;

/** Every WebSocket belongs to the token that opened it and closes (4001, with the reason) when the token ends. */
class TokenSocketsTest {

    private static final String KEY_A = "{\"type\":\"keyboard\",\"modifiers\":0,\"keys\":[4]}";
    private static final String KEY_B = "{\"type\":\"keyboard\",\"modifiers\":0,\"keys\":[5]}";

    private ApiFixture api;
    private String bob;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
        bob = api.login("bob");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private record Input(WebSocket socket, Frames frames) {
    }

    private Input claimed(String machine, String token) throws Exception {
        Frames frames = Frames.reading();
        WebSocket socket = api.socket("/api/machines/" + machine + "/input", token, frames);
        frames.nextText();
        socket.sendText("{\"type\":\"claim\"}", true).join();
        assertThat(ApiFixture.json(frames.nextText()).get("held").asBoolean()).isTrue();
        return new Input(socket, frames);
    }

    /** What the module of m1 was sent up to and including the release when the seat was given up. */
    private List<String> sentUntilReleased() throws InterruptedException {
        List<String> sent = new ArrayList<>();
        String next;
        do {
            next = api.modules.control("m1").sent.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("the release of the keys when the socket closed").isNotNull();
            sent.add(next);
        } while (!next.equals("release-all"));
        return sent;
    }

    /** The attack found: an input socket kept typing after logout. */
    @Test
    void afterLogoutTheInputSocketIsClosedAndAKeySentTypesNothing() throws Exception {
        Input input = claimed("m1", bob);
        input.socket().sendText(KEY_A, true).join();
        assertThat(api.modules.control("m1").sent.poll(10, TimeUnit.SECONDS)).isEqualTo("keyboard 0 [4]");

        assertThat(api.post("/api/logout", bob, "").statusCode()).isEqualTo(204);
        // Sent at once, as a client that has not read the close yet would; it may or may not leave the client.
        input.socket().sendText(KEY_B, true).exceptionally(failure -> null).join();

        assertThat(input.frames().closed.get(10, TimeUnit.SECONDS)).isEqualTo("4001 logged out");
        assertThat(sentUntilReleased()).containsExactly("release-all");
        assertThat(api.seats.controller("m1")).isEmpty();
        HttpResponse<String> after = api.post("/api/machines/m1/keys", bob, "{\"combo\":\"a\"}");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(after.body()).get("error").asText())
                .isEqualTo("your session was ended (logged out); log in again");
    }

    @Test
    void aPasswordChangeClosesThatUsersVideoAndInputSockets() throws Exception {
        Input input = claimed("m1", bob);
        Frames video = Frames.reading();
        api.socket("/api/machines/m1/video", bob, video);
        Frames alicesVideo = Frames.reading();
        api.socket("/api/machines/m1/video", api.login("alice"), alicesVideo);
        api.video.awaitViewers("m1", 2);

        // As the users command does: another process writes the file.
        UserStore command = UserStore.open(api.dir.resolve("users.yaml"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
        command.setPassword("bob", "a new password".toCharArray());

        String reason = "4001 " + Sessions.ACCOUNT_CHANGED;
        assertThat(input.frames().closed.get(10, TimeUnit.SECONDS)).isEqualTo(reason);
        assertThat(video.closed.get(10, TimeUnit.SECONDS)).isEqualTo(reason);
        assertThat(api.video.awaitViewers("m1", 1)).hasSize(1);
        assertThat(alicesVideo.closed).isNotDone();
        HttpResponse<String> old = api.get("/api/machines", bob);
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(old.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
        assertThat(ApiFixture.json(old.body()).get("error").asText())
                .isEqualTo("your session was ended (account changed by an administrator: log in again)");
    }

    @Test
    void aRemovedUsersTokenStopsWorking() throws Exception {
        Frames events = Frames.reading();
        api.socket("/api/events", bob, events);

        UserStore.open(api.dir.resolve("users.yaml"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS)).remove("bob");

        assertThat(events.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4001 " + Sessions.ACCOUNT_CHANGED);
        assertThat(api.get("/api/machines", bob).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/machines/m1/keys", bob, "{\"combo\":\"a\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenEvictedByTheSeventeenthLoginClosesItsSocketsSayingWhy() throws Exception {
        Input input = claimed("m1", bob);
        for (int i = 0; i < Sessions.DEFAULT_TOKENS_PER_USER; i++) {
            api.login("bob");
        }

        String why = "session ended: signed in 17 times, the oldest session is ended";
        assertThat(input.frames().closed.get(10, TimeUnit.SECONDS)).isEqualTo("4001 " + why);
        HttpResponse<String> evicted = api.get("/api/machines", bob);
        assertThat(evicted.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(evicted.body()).get("error").asText())
                .isEqualTo("your session was ended (" + why + "); log in again");
    }

    @Test
    void aSocketOfAnotherTokenOfTheSameUserStaysOpenAtLogout() throws Exception {
        String desktop = api.login("bob");
        Frames desktopVideo = Frames.reading();
        api.socket("/api/machines/m1/video", desktop, desktopVideo);
        Frames cliVideo = Frames.reading();
        api.socket("/api/machines/m1/video", bob, cliVideo);
        api.video.awaitViewers("m1", 2);

        api.post("/api/logout", bob, "");

        assertThat(cliVideo.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4001 logged out");
        assertThat(api.video.awaitViewers("m1", 1)).hasSize(1);
        assertThat(desktopVideo.closed).isNotDone();
    }
}
