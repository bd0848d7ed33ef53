package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InputSocketTest {

    private ApiFixture api;
    private String alice;
    private String bob;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
        alice = api.login("alice");
        bob = api.login("bob");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    /** An input socket and what it received; the first message (the control state on opening) is checked and consumed. */
    private record Input(WebSocket socket, Frames frames) {
        void send(String message) {
            socket.sendText(message, true).join();
        }

        JsonNode next() throws Exception {
            return ApiFixture.json(frames.nextText());
        }
    }

    private Input open(String machine, String token) throws Exception {
        Frames frames = Frames.reading();
        Input input = new Input(api.socket("/api/machines/" + machine + "/input", token, frames), frames);
        JsonNode hello = input.next();
        assertThat(hello.get("type").asText()).isEqualTo("control");
        return input;
    }

    private Input claimed(String machine, String token) throws Exception {
        Input input = open(machine, token);
        input.send("{\"type\":\"claim\"}");
        assertThat(input.next().get("held").asBoolean()).isTrue();
        return input;
    }

    private String nextSent(String machine) throws InterruptedException {
        String sent = api.modules.control(machine).sent.poll(10, TimeUnit.SECONDS);
        assertThat(sent).as("a send to the module of " + machine).isNotNull();
        return sent;
    }

    @Test
    void theControllersInputReachesTheModuleInOrder() throws Exception {
        Input input = claimed("m1", alice);

        input.send("{\"type\":\"keyboard\",\"modifiers\":2,\"keys\":[4,5]}");
        input.send("{\"type\":\"mouse-abs\",\"buttons\":1,\"x\":100,\"y\":32767}");
        input.send("{\"type\":\"mouse-rel\",\"dx\":-5,\"dy\":7,\"wheel\":-1}");
        input.send("{\"type\":\"release-all\"}");

        assertThat(nextSent("m1")).isEqualTo("keyboard 2 [4, 5]");
        assertThat(nextSent("m1")).isEqualTo("abs 1 100 32767 0 0");
        assertThat(nextSent("m1")).isEqualTo("rel 0 -5 7 -1 0");
        assertThat(nextSent("m1")).isEqualTo("release-all");
    }

    @Test
    void inputFromAViewerWithoutControlIsRefusedWithOneMessage() throws Exception {
        Input input = open("m1", bob);

        input.send("{\"type\":\"keyboard\",\"keys\":[4]}");
        input.send("{\"type\":\"mouse-abs\",\"x\":1,\"y\":1}");
        input.send("{\"type\":\"claim\"}");

        JsonNode refused = input.next();
        assertThat(refused.get("type").asText()).isEqualTo("error");
        assertThat(refused.get("error").asText()).contains("you do not control 'm1'");
        assertThat(input.next().get("type").asText()).as("no second refusal before the claim's answer").isEqualTo("control");
        assertThat(api.modules.control("m1").sent).isEmpty();
    }

    @Test
    void aMalformedMessageClosesOnlyThatSocket_andGivesUpItsSeat() throws Exception {
        Input bad = claimed("m1", alice);
        Input good = claimed("m2", bob);

        bad.send("{\"type\":\"keyboard\",\"keys\":[1000]}");

        assertThat(bad.frames().closed.get(10, TimeUnit.SECONDS))
                .isEqualTo("1008 field 'keys[0]' must be an integer from 4 to 223, was 1000");
        assertThat(nextSent("m1")).as("keys released with the seat").isEqualTo("release-all");
        good.send("{\"type\":\"mouse-abs\",\"x\":10,\"y\":20}");
        assertThat(nextSent("m2")).isEqualTo("abs 0 10 20 0 0");
        assertThat(ApiFixture.json(api.get("/api/machines/m1", bob).body()).get("controller").isNull()).isTrue();
    }

    @Test
    void messagesThatAreNotValidInputCloseWithAReason() throws Exception {
        String[][] cases = {
            {"not json", "1008 the body is not valid JSON"},
            {"{\"type\":\"dance\"}", "1008 unknown message type 'dance'"},
            {"{\"type\":\"mouse-abs\",\"x\":1}", "1008 field 'y' is missing"},
        };
        for (String[] c : cases) {
            Input input = open("m1", alice);
            input.send(c[0]);
            assertThat(input.frames().closed.get(10, TimeUnit.SECONDS)).as(c[0]).startsWith(c[1]);
        }
        Input binary = open("m1", alice);
        binary.socket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        assertThat(binary.frames().closed.get(10, TimeUnit.SECONDS)).startsWith("1003 input messages are JSON text");
    }

    @Test
    void takingOverIsExplicit_andThePreviousControllerIsTold() throws Exception {
        Input first = claimed("m1", alice);
        Input second = open("m1", bob);

        second.send("{\"type\":\"claim\"}");
        JsonNode refused = second.next();
        second.send("{\"type\":\"claim\",\"takeOver\":true}");
        JsonNode taken = second.next();

        assertThat(refused.get("held").asBoolean()).isFalse();
        assertThat(refused.get("controller").asText()).isEqualTo("alice");
        assertThat(refused.get("error").asText()).contains("takeOver");
        assertThat(taken.get("held").asBoolean()).isTrue();
        JsonNode told = first.next();
        assertThat(told.get("held").asBoolean()).isFalse();
        assertThat(told.get("controller").asText()).isEqualTo("bob");
        assertThat(nextSent("m1")).as("alice's keys released").isEqualTo("release-all");
    }

    @Test
    void closingTheSocketGivesUpControlAndReleasesEveryKey() throws Exception {
        Input input = claimed("m1", alice);
        input.send("{\"type\":\"keyboard\",\"keys\":[4]}");
        assertThat(nextSent("m1")).isEqualTo("keyboard 0 [4]");

        input.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

        assertThat(nextSent("m1")).isEqualTo("release-all");
        assertThat(api.seats.controller("m1")).isEmpty();
    }

    @Test
    void aMachineWithoutModuleHasNoInputSocket() {
        assertThatThrownBy(() -> api.socket("/api/machines/video-only/input", alice, Frames.reading()))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(409));
    }
}
