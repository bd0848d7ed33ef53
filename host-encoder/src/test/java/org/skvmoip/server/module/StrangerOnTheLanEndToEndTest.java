package org.skvmoip.server.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skvmoip.sim.control.StrangerConnections;

/**
 * A peer on the LAN that is not the server (127.0.0.2, .3) hogs the module's control port
 * while the module's link is cut and restored: the server's link is back on its first
 * connection attempt after the module listens again, and typing works. A module that answers
 * but refuses keeps the server's retries quick. Slots 30 to 32 (see {@link LinkedMachine}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StrangerOnTheLanEndToEndTest {

    @ParameterizedTest(name = "a stranger holding {0} connection(s)")
    @ValueSource(ints = {1, 2})
    void givenAStrangerRetakingTheControlPortWhenTheLinkReturnsThenTheServersFirstAttemptIsServed(int holds)
            throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(29 + holds);
                StrangerConnections stranger = StrangerConnections.start(
                        () -> LinkedMachine.address(machine.slot).port(), holds)) {
            Poll.until("the stranger trying", () -> stranger.attempts() >= holds, stranger::attempts);

            machine.module().w5500().setLinkUp(false);
            machine.awaitOffline();
            int connectedBefore = stranger.connections();
            machine.module().w5500().setLinkUp(true);
            Poll.until("the stranger on the control port again", () -> stranger.connections() > connectedBefore,
                    stranger::connections);
            int attemptsBefore = machine.link.connectionAttempts();

            machine.awaitOnline();

            assertThat(machine.link.connectionAttempts() - attemptsBefore)
                    .as("server attempts once the module listened again").isLessThanOrEqualTo(1);
            assertThat(machine.link.keyboard(0x02, new byte[] {0x04}, 1)).isTrue();
            machine.keyboard().awaitLast("02 00 04 00 00 00 00 00");
        }
    }

    @Test
    void givenAModuleThatAnswersButRefusesThenTheServerRetriesAtTheFirstStepEveryTime() throws Exception {
        try (LinkedMachine machine = LinkedMachine.start(32, LinkedMachine.WRONG_SECRET)) {
            Poll.until("four refused attempts", () -> machine.link.connectionAttempts() >= 4,
                    machine.link::connectionAttempts);

            assertThat(machine.link.lastRetryDelayMillis()).as("the wait before the next attempt")
                    .isBetween(Math.round(Backoff.FIRST_MILLIS * (1 - Backoff.JITTER)),
                            Math.round(Backoff.FIRST_MILLIS * (1 + Backoff.JITTER)));
        }
    }
}
