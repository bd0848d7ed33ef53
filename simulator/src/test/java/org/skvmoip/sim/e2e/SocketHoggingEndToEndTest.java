package org.skvmoip.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.sim.e2e.Keys.A;
import static org.skvmoip.sim.e2e.Keys.B;
import static org.skvmoip.sim.e2e.Keys.LEFT_SHIFT;
import static org.skvmoip.sim.e2e.Keys.NONE;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skvmoip.protocol.ProtocolError;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.sim.control.ControlClient;
import org.skvmoip.sim.control.StrangerConnections;

/**
 * Peers on the LAN that are not the server cannot keep the module from its server
 * (ControlListeners): the server, at 127.0.0.1, connects once and is served, whatever strangers
 * at 127.0.0.2 and .3 do; and the server's new connection replaces its own half-dead session.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketHoggingEndToEndTest {

    private static final String SERVER = "127.0.0.1";
    private static final String SHIFT_A = "[02 00 04 00 00 00 00 00]";

    private Rig rig;
    private ControlClient server;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.adopted();
        server = rig.session(); // from 127.0.0.1: the module now knows its server's address
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        rig.close();
    }

    @ParameterizedTest(name = "a stranger holding {0} connection(s)")
    @ValueSource(ints = {1, 2})
    void givenAStrangerRetakingTheControlPortWhenTheServersLinkIsCutAndRestoredThenItsFirstConnectIsServed(
            int holds) throws Exception {
        try (StrangerConnections stranger = StrangerConnections.start(rig.module::controlPort, holds)) {
            Poll.until("the stranger trying", Poll.DEFAULT, () -> stranger.attempts() >= holds,
                    () -> stranger.attempts());

            rig.module.w5500().setLinkUp(false);
            Poll.until("the module to see the link down", () -> !rig.module.firmware().linkUp());
            server.awaitClosed(ControlClient.DEFAULT_WAIT);
            int before = stranger.connections();
            rig.module.w5500().setLinkUp(true);
            Poll.until("the module to see the link up", () -> rig.module.firmware().linkUp());
            Poll.until("the stranger on the control port again", Poll.DEFAULT,
                    () -> stranger.connections() > before, () -> stranger.connections());

            server = ControlClient.connectOnce(SERVER, rig.module.controlPort());

            assertThat(server.tryAuthenticate(Rig.SECRET, ControlClient.DEFAULT_WAIT))
                    .as("the server's first connection after the link came back")
                    .isEqualTo(SessionEvent.AUTHENTICATED);
            server.keyboard(LEFT_SHIFT, A);
            rig.reports.awaitLast(rig.reports.keyboard(), SHIFT_A);
        }
    }

    @Test
    void givenStrangersTakingEveryControlSocketThenTheOldestIsClosedAndTheServersConnectIsServed() throws Exception {
        server.close();
        server.awaitClosed(ControlClient.DEFAULT_WAIT);
        Poll.until("the server's socket listening again", () -> rig.module.firmware().control().sessionsStarted() >= 1
                && !rig.module.firmware().control().sessionAuthenticated());
        List<Socket> strangers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) { // one per socket, none reconnecting: only the module can free one
                Socket stranger = new Socket();
                stranger.bind(new InetSocketAddress("127.0.0." + (2 + i), 0));
                stranger.connect(new InetSocketAddress("127.0.0.1", rig.module.controlPort()),
                        (int) ControlClient.DEFAULT_WAIT.toMillis());
                strangers.add(stranger);
            }
            Poll.until("the module to close the oldest stranger", () -> rig.module.firmware().control().strangersClosed() >= 1);

            server = ControlClient.connectOnce(SERVER, rig.module.controlPort());

            assertThat(server.tryAuthenticate(Rig.SECRET, ControlClient.DEFAULT_WAIT))
                    .isEqualTo(SessionEvent.AUTHENTICATED);
        } finally {
            for (Socket stranger : strangers) {
                stranger.close();
            }
        }
    }

    @Test
    void givenAHalfDeadSessionWhenTheServerConnectsAgainThenTheNewSessionReplacesItAndTheOldOnesKeysAreReleased()
            throws Exception {
        server.keyboard(LEFT_SHIFT, A);
        rig.reports.awaitLast(rig.reports.keyboard(), SHIFT_A);
        server.stopKeepAlives(); // the server restarted: its old connection is silent, not closed

        ControlClient restarted = ControlClient.connectOnce(SERVER, rig.module.controlPort());
        try {
            assertThat(restarted.tryAuthenticate(Rig.SECRET, ControlClient.DEFAULT_WAIT))
                    .isEqualTo(SessionEvent.AUTHENTICATED);

            assertThat(ControlClient.describe(server.awaitClosed(ControlClient.DEFAULT_WAIT)))
                    .as("closed for the new session, not timed out")
                    .isEqualTo(ControlClient.describe(ProtocolError.SESSION_CLOSED));
            rig.awaitKeyboardReleased();
            restarted.keyboard(NONE, B);
            rig.reports.awaitLast(rig.reports.keyboard(), "[00 00 05 00 00 00 00 00]");
        } finally {
            restarted.close();
        }
    }

    @Test
    void givenALiveSessionWhenAConnectionFromTheServersAddressFailsItsHandshakeThenTheLiveSessionGoesOn()
            throws Exception {
        server.keyboard(LEFT_SHIFT, A);
        rig.reports.awaitLast(rig.reports.keyboard(), SHIFT_A);

        try (ControlClient impostor = ControlClient.connectOnce(SERVER, rig.module.controlPort())) {
            assertThat(impostor.tryAuthenticate(Rig.WRONG_SECRET, ControlClient.DEFAULT_WAIT))
                    .isNotEqualTo(SessionEvent.AUTHENTICATED);
        }

        assertThat(server.isAuthenticated()).isTrue();
        assertThat(rig.reports.last(rig.reports.keyboard())).as("the live session's keys stay held")
                .isEqualTo(SHIFT_A);
        server.keyboard(NONE, B);
        rig.reports.awaitLast(rig.reports.keyboard(), "[00 00 05 00 00 00 00 00]");
    }
}
