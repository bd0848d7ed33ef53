package org.skvmoip.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skvmoip.client.rack.RackExtension;
import org.skvmoip.client.rack.Waits;
import org.skvmoip.server.testrig.ServerRig;

/** The video, input and events sockets through the client's classes, against the real server. */
@ExtendWith(RackExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketsTest {

    static ServerRig rig;
    static ServerConnection server;

    @BeforeAll
    static void logIn(ServerRig sharedRig) throws Exception {
        rig = sharedRig;
        server = ServerConnectionTest.connect(rig);
        server.login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());
        Waits.online(rig, 0);
        Waits.online(rig, 1);
    }

    @Test
    void theVideoStartsWithAKeyframeOfTheScreensSizeAndCountsOnFromIt() throws Exception {
        BlockingQueue<VideoFrame> frames = new LinkedBlockingQueue<>();
        try (VideoStream video = server.openVideo("sim-0", VideoMode.FULL, frames::add)) {
            List<VideoFrame> first = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                first.add(Waits.next(frames, "video frame", frame -> true));
            }

            VideoFrame keyframe = first.get(0);
            assertThat(keyframe.keyframe()).isTrue();
            assertThat(keyframe.width()).isEqualTo(1024);
            assertThat(keyframe.height()).isEqualTo(768);
            assertThat(keyframe.accessUnit()).startsWith(0, 0, 0, 1);
            assertThat(keyframe.captureMicros()).isLessThanOrEqualTo(keyframe.sendMicros());
            long nowMicros = System.currentTimeMillis() * 1000;
            assertThat(keyframe.sendMicros()).as("send time, microseconds since 1970 on this machine's clock")
                    .isBetween(nowMicros - 3_600_000_000L, nowMicros + 3_600_000_000L);
            assertThat(first.get(1).sequence()).isEqualTo(keyframe.sequence() + 1);
            assertThat(first.get(2).sequence()).isEqualTo(keyframe.sequence() + 2);
        }
    }

    @Test
    void aThumbnailIsASmallerPictureThatAlsoStartsWithAKeyframe() throws Exception {
        BlockingQueue<VideoFrame> frames = new LinkedBlockingQueue<>();
        try (VideoStream video = server.openVideo("sim-1", VideoMode.THUMBNAIL, frames::add)) {
            VideoFrame first = Waits.next(frames, "thumbnail frame", frame -> true);

            assertThat(first.keyframe()).isTrue();
            assertThat(first.width()).isLessThan(1024);
            assertThat(first.width() * 768).as("aspect kept").isEqualTo(first.height() * 1024);
        }
    }

    @Test
    void aClaimedInputChannelTypesTheKeyboardStateOnTheTarget() throws Exception {
        server.power("sim-0", PowerAction.ON);
        Waits.running(rig, 0);
        BlockingQueue<ControlState> control = new LinkedBlockingQueue<>();
        try (InputChannel input = server.openInput("sim-0", control::add)) {
            input.claim();
            Waits.next(control, "control held", ControlState::held);
            // Refused here: the server would close the socket on an out-of-range field.
            assertThatThrownBy(() -> input.mouseAbsolute(0, 40_000, 0, 0, 0))
                    .hasMessage("x must be from 0 to 32767, was 40000");

            for (int usage : new int[] {0x14, 0x0D, 0x1B}) { // q, j, x
                input.keyboard(0, usage);
                input.keyboard(0);
            }
            input.keyboard(HidBits.LEFT_SHIFT, 0x1B);
            input.keyboard(0).get(5, TimeUnit.SECONDS);

            Waits.until("qjxX on the console", () -> rig.modules.get(0).target().consoleText().contains("qjxX"),
                    () -> rig.modules.get(0).target().consoleText());
        }
    }

    @Test
    void anotherChannelIsRefusedControlUntilItTakesOver() throws Exception {
        BlockingQueue<ControlState> first = new LinkedBlockingQueue<>();
        BlockingQueue<ControlState> second = new LinkedBlockingQueue<>();
        try (InputChannel holder = server.openInput("sim-1", first::add);
                InputChannel other = server.openInput("sim-1", second::add)) {
            holder.claim();
            Waits.next(first, "control held", ControlState::held);

            other.claim();
            ControlState refused = Waits.next(second, "refused claim", state -> state.error() != null);
            assertThat(refused.held()).isFalse();
            assertThat(refused.controller()).isEqualTo(ServerRig.USER);

            other.takeOver();
            Waits.next(second, "control taken over", ControlState::held);
            Waits.next(first, "control lost", state -> !state.held());
        }
    }

    @Test
    void theEventsSocketOfEveryMachineStartsWithTheStateOfEach() throws Exception {
        BlockingQueue<MachineState> events = new LinkedBlockingQueue<>();
        try (EventStream stream = server.openEvents(events::add)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                names.add(Waits.next(events, "initial state", machine -> true).name());
            }

            assertThat(names).containsExactlyInAnyOrder("sim-0", "sim-1", RackExtension.VIDEO_ONLY);
        }
    }

    @Test
    void theEventsSocketReportsThePowerChange() throws Exception {
        BlockingQueue<MachineState> events = new LinkedBlockingQueue<>();
        try (EventStream stream = server.openEvents("sim-1", events::add)) {
            MachineState initial = Waits.next(events, "initial state", machine -> true);
            assertThat(initial.name()).isEqualTo("sim-1");

            server.power("sim-1", PowerAction.ON);

            MachineState on = Waits.next(events, "power on event", machine -> machine.power() == MachineState.Power.ON);
            assertThat(on.name()).isEqualTo("sim-1");
            assertThat(on.online()).isTrue();
        }
    }
}
