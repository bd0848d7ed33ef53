package org.skvmoip.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.sim.e2e.Keys.A;
import static org.skvmoip.sim.e2e.Keys.B;
import static org.skvmoip.sim.e2e.Keys.LEFT_SHIFT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.protocol.Power;
import org.skvmoip.protocol.ProtocolError;
import org.skvmoip.sim.control.ControlClient;
import org.skvmoip.sim.machine.PowerState;

/**
 * docs/protocol.md §7: when the server goes silent or the cable is pulled while keys, mouse
 * buttons and the power button are held, the module lets go of all of them.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SafetyEndToEndTest {

    /** The keep-alive timeout (3 s) plus room for a loaded machine. */
    private static final Duration TIMEOUT_WAIT = Duration.ofSeconds(6);
    /**
     * After the session ended, the release is bounded by 50 ms (§7); this wait only has to end
     * well before the long press would end by itself (5 s after it began).
     */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(1);

    private Rig rig;
    private ControlClient client;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.adopted();
        client = rig.session();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        rig.close();
    }

    @Test
    void givenAKeyAndThePowerButtonHeldWhenTheServerFallsSilentThenTheModuleReleasesBoth() throws Exception {
        int keyboard = rig.reports.keyboard();
        client.stopKeepAlives();
        client.keyboard(LEFT_SHIFT, A);
        client.power(Power.LONG_PRESS);
        rig.reports.awaitLast(keyboard, "[02 00 04 00 00 00 00 00]");
        Poll.until("the power button held", () -> rig.module.target().powerButtonLine().isHigh());

        int code = client.awaitClosed(TIMEOUT_WAIT);

        assertThat(ControlClient.describe(code)).isEqualTo(ControlClient.describe(ProtocolError.KEEPALIVE_TIMEOUT));
        rig.awaitKeyboardReleased();
        Poll.until("the power button line released", RELEASE_WAIT,
                () -> !rig.module.target().powerButtonLine().isHigh());
        assertThat(rig.module.target().state())
                .as("released after 3 s, before the 4 s override: the target took it as a press and turned on")
                .isIn(PowerState.BOOTING, PowerState.RUNNING);
    }

    /**
     * §4.1: frames wait in the socket while the USB host takes nothing; a wait of 3 s ends the
     * session as silence does, and the key states the module had already queued still reach the
     * host, in order, before the release.
     */
    @Test
    void givenTheHostStopsPollingWhileKeysWaitWhenThatLasts3SecondsThenTheSessionEndsAndTheQueuedKeysThenTheReleaseArrive()
            throws Exception {
        int keyboard = rig.reports.keyboard();
        client.awaitStatus(ControlClient.StatusView::usbConfigured, Poll.DEFAULT);
        rig.reports.clear();
        List<String> sent = new ArrayList<>();

        rig.module.usbHost().pauseInterruptPolling(true);
        for (int usage = A; usage <= Keys.Z; usage++) {
            client.keyboard(LEFT_SHIFT, usage);
            sent.add("[02 00 %02X 00 00 00 00 00]".formatted(usage));
        }
        int code = client.awaitClosed(TIMEOUT_WAIT);
        rig.module.usbHost().pauseInterruptPolling(false);

        assertThat(ControlClient.describe(code)).isEqualTo(ControlClient.describe(ProtocolError.KEEPALIVE_TIMEOUT));
        rig.awaitKeyboardReleased();
        // What the module had taken: one report in the endpoint, seven queued (a slot kept free).
        List<String> expected = new ArrayList<>(sent.subList(0, 8));
        expected.add("[00 00 00 00 00 00 00 00]");
        assertThat(rig.reports.of(keyboard)).as("none skipped, none merged, then the release")
                .containsExactlyElementsOf(expected);
    }

    @Test
    void givenKeysAndButtonsHeldWhenTheLinkIsLostThenTheModuleReleasesThemAll() throws Exception {
        int keyboard = rig.reports.keyboard();
        int mouse = rig.reports.mouse();
        int pointer = rig.reports.pointer();
        client.keyboard(LEFT_SHIFT, A, B);
        client.mouseRelative(0x01, 5, 0, 0, 0);
        client.mouseAbsolute(0x02, 1000, 2000, 0, 0);
        rig.reports.awaitLast(keyboard, "[02 00 04 05 00 00 00 00]");
        rig.reports.awaitLast(mouse, "[01 05 00 00 00]");
        rig.reports.awaitLast(pointer, "[02 E8 03 D0 07 00 00]");

        rig.module.w5500().setLinkUp(false);

        rig.awaitKeyboardReleased();
        rig.reports.awaitLast(mouse, "[00 00 00 00 00]");
        Poll.until("the pointer's buttons released", Poll.DEFAULT,
                () -> rig.reports.last(pointer).startsWith("[00 "), () -> rig.reports.of(pointer));

        rig.module.w5500().setLinkUp(true);
        client.close();
        try (ControlClient next = rig.session()) {
            next.keyboard(0, B);
            rig.reports.awaitLast(keyboard, "[00 00 05 00 00 00 00 00]");
            assertThat(next.fetchStatus(Poll.DEFAULT).link()).as("link back").isTrue();
        }
    }

    @Test
    void givenKeysButtonsAndThePowerButtonHeldWhenReleaseAllThenAllAreReleasedAndTheSessionGoesOn()
            throws Exception {
        int keyboard = rig.reports.keyboard();
        int mouse = rig.reports.mouse();
        client.keyboard(LEFT_SHIFT, A);
        client.mouseRelative(0x04, 0, 0, 0, 0);
        client.power(Power.LONG_PRESS);
        rig.reports.awaitLast(keyboard, "[02 00 04 00 00 00 00 00]");
        rig.reports.awaitLast(mouse, "[04 00 00 00 00]");
        Poll.until("the power button held", () -> rig.module.target().powerButtonLine().isHigh());

        client.releaseAll();

        rig.awaitKeyboardReleased();
        rig.reports.awaitLast(mouse, "[00 00 00 00 00]");
        Poll.until("the power button line released", RELEASE_WAIT,
                () -> !rig.module.target().powerButtonLine().isHigh());
        client.fetchStatus(Poll.DEFAULT);
        assertThat(client.isAuthenticated()).as("RELEASE_ALL does not end the session").isTrue();
    }
}
