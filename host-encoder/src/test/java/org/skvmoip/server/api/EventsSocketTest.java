package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.module.ModuleStatus;

class EventsSocketTest {

    private static final ModuleStatus ON = new ModuleStatus(true, true, false, 0, 0, true, false, "");

    private ApiFixture api;
    private String token;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
        token = api.login("alice");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static JsonNode machine(Frames events) throws Exception {
        JsonNode event = ApiFixture.json(events.nextText());
        assertThat(event.get("type").asText()).isEqualTo("machine");
        return event.get("machine");
    }

    @Test
    void theSocketStartsWithEveryMachine_thenPushesStatusChanges() throws Exception {
        Frames events = Frames.reading();
        api.socket("/api/events", token, events);
        assertThat(machine(events).get("name").asText()).isEqualTo("m1");
        assertThat(machine(events).get("name").asText()).isEqualTo("m2");
        assertThat(machine(events).get("name").asText()).isEqualTo("video-only");

        api.modules.control("m1").status(ON);

        JsonNode changed = machine(events);
        assertThat(changed.get("name").asText()).isEqualTo("m1");
        assertThat(changed.get("power").asText()).isEqualTo("on");
    }

    @Test
    void aSocketForOneMachineGetsOnlyItsEvents() throws Exception {
        Frames events = Frames.reading();
        api.socket("/api/events?machine=m2", token, events);
        assertThat(machine(events).get("name").asText()).isEqualTo("m2");

        api.modules.control("m1").status(ON);
        api.modules.control("m2").status(ModuleStatus.offline("link down"));

        JsonNode next = machine(events);
        assertThat(next.get("name").asText()).isEqualTo("m2");
        assertThat(next.get("problem").asText()).isEqualTo("link down");
    }

    @Test
    void controlChangesArePushed() throws Exception {
        Frames events = Frames.reading();
        api.socket("/api/events?machine=m1", token, events);
        machine(events);
        Frames input = Frames.reading();
        api.socket("/api/machines/m1/input", api.login("bob"), input).sendText("{\"type\":\"claim\"}", true).join();

        assertThat(machine(events).get("controller").asText()).isEqualTo("bob");
    }

    @Test
    void anUnknownMachineIsRefusedBeforeTheUpgrade() {
        assertThatThrownBy(() -> api.socket("/api/events?machine=nope", token, Frames.reading()))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(404));
    }
}
