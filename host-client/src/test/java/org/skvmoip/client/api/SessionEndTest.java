package org.skvmoip.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skvmoip.client.rack.RackExtension;
import org.skvmoip.client.rack.RackUsers;
import org.skvmoip.client.rack.Waits;
import org.skvmoip.server.testrig.ServerRig;

/**
 * How a connection hears that its session ended, against the real server: every socket of the
 * token closes with 4001 and the reason, the connection tells its listener once, and requests
 * are refused as an ended session with the server's reason. The session and role as the server
 * gives them.
 */
@ExtendWith(RackExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionEndTest {

    static ServerRig rig;

    @BeforeAll
    static void rack(ServerRig sharedRig) throws Exception {
        rig = sharedRig;
        RackUsers.add(rig, "api-viewer", org.skvmoip.server.auth.Role.VIEWER, "sim-1");
    }

    /** Records how a socket ended. */
    private static final class Ends implements EventStream.Listener {
        final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

        @Override
        public void onMachine(MachineState machine) {
        }

        @Override
        public void onClosed(int code, String reason) {
            closes.add(code + " " + reason);
        }
    }

    private static ServerConnection loggedIn() throws Exception {
        ServerConnection server = ServerConnectionTest.connect(rig);
        server.login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());
        return server;
    }

    @Test
    void aLogoutElsewhereClosesEverySocketWith4001AndTheConnectionSaysWhyOnce() throws Exception {
        ServerConnection server = loggedIn();
        List<String> ended = new CopyOnWriteArrayList<>();
        server.onSessionEnded(ended::add);
        Ends events = new Ends();
        Ends oneMachine = new Ends();
        try (EventStream all = server.openEvents(events); EventStream sim0 = server.openEvents("sim-0", oneMachine)) {

            rig.post("/api/logout", server.token().orElseThrow(), "");

            assertThat(Waits.next(events.closes, "the events socket's end", close -> true)).isEqualTo("4001 logged out");
            assertThat(Waits.next(oneMachine.closes, "the other socket's end", close -> true))
                    .isEqualTo("4001 logged out");
        }
        assertThat(ended).containsExactly("logged out");
        assertThatThrownBy(server::machines).isInstanceOfSatisfying(ClientException.class, refused -> {
            assertThat(refused.sessionEnded()).isTrue();
            assertThat(refused.getMessage()).contains("logged out");
        });
        assertThat(ended).as("told once per token").hasSize(1);
    }

    @Test
    void theEndOfAnEarlierTokenIsNotTheEndOfTheNewOne() throws Exception {
        ServerConnection server = loggedIn();
        String earlier = server.token().orElseThrow();
        Ends events = new Ends();
        try (EventStream stream = server.openEvents(events)) {
            server.login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());
            List<String> ended = new CopyOnWriteArrayList<>();
            server.onSessionEnded(ended::add);

            rig.post("/api/logout", earlier, "");

            assertThat(Waits.next(events.closes, "the earlier token's socket's end", close -> true)).startsWith("4001");
            assertThat(ended).isEmpty();
            assertThat(server.machines()).isNotEmpty();
        }
    }

    @Test
    void theSessionSaysWhoAndWhichRole() throws Exception {
        ServerConnection viewer = ServerConnectionTest.connect(rig);
        Session login = viewer.login("api-viewer", ServerRig.PASSWORD.toCharArray());

        Session session = viewer.session();

        assertThat(login.role()).isEqualTo(Role.VIEWER);
        assertThat(session.user()).isEqualTo("api-viewer");
        assertThat(session.role()).isEqualTo(Role.VIEWER);
        assertThat(session.secondFactor()).isFalse();
        assertThat(viewer.machines()).extracting(MachineState::name, MachineState::access)
                .containsExactly(tuple("sim-1", MachineState.Access.VIEW));
    }
}
