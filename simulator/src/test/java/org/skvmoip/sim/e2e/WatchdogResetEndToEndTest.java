package org.skvmoip.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.firmware.Firmware;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.sim.control.ControlClient;

/**
 * A main loop that stops kicking the watchdog is reset as the IWDG resets the MCU: a new
 * firmware powers up from the flash settings (still adopted), brings the W5500 up again and
 * re-enumerates on USB, and the server can talk to it and type through it again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WatchdogResetEndToEndTest {

    /** The watchdog's 4 s, with room for a slow machine: a wait, not a measurement. */
    private static final Duration RESET_WAIT = Duration.ofSeconds(20);

    @Test
    void givenAHungLoopWhenTheWatchdogExpiresThenTheModuleIsResetOnceAndServesTheServerAgain() throws Exception {
        try (Rig rig = Rig.adopted()) {
            try (ControlClient client = rig.session()) {
                typeA(rig, client);
            }
            Firmware hung = rig.module.firmware();
            assertThat(rig.module.watchdogResets()).as("a loop that kicks is never reset").isZero();

            rig.module.hangFirmware();
            Poll.until("a watchdog reset", RESET_WAIT, () -> rig.module.watchdogResets() > 0,
                    rig.module::watchdogResets);

            assertThat(rig.module.firmware()).as("a new firmware, nothing of the old one's RAM").isNotSameAs(hung);
            try (ControlClient client = connectToTheNewFirmware(rig)) {
                assertThat(client.tryAuthenticate(Rig.SECRET, Poll.DEFAULT)).as("the adopted secret survived in flash")
                        .isEqualTo(SessionEvent.AUTHENTICATED);
                typeA(rig, client);
            }
            assertThat(rig.module.watchdogResets()).isEqualTo(1);
        }
    }

    /**
     * A connection made between the watchdog's reset and the new firmware's W5500 reset is taken
     * by the old chip state and dropped by that reset, before any HELLO, as on a board: a server
     * retries, and so does the test (a loaded machine widens that window).
     */
    private static ControlClient connectToTheNewFirmware(Rig rig) throws Exception {
        for (int attempt = 1;; attempt++) {
            ControlClient client = rig.connect();
            try {
                client.awaitHello(Poll.DEFAULT);
                return client;
            } catch (IllegalStateException endedBeforeHello) {
                client.close();
                if (attempt == 3) {
                    throw endedBeforeHello;
                }
            }
        }
    }

    /** Types A through the module and waits for the host to see it: USB enumerated and working. */
    private static void typeA(Rig rig, ControlClient client) throws InterruptedException {
        int keyboard = rig.reports.keyboard();
        client.keyboard(Keys.NONE, Keys.A);
        rig.reports.awaitLast(keyboard, "[00 00 04 00 00 00 00 00]");
        client.keyboard(Keys.NONE);
        rig.awaitKeyboardReleased();
    }
}
