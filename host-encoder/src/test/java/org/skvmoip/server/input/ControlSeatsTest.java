package org.skvmoip.server.input;

import org.skvmoip.protocol.HidKeyboard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.server.module.KeyboardReports;
import org.skvmoip.server.module.LinkedMachine;
import org.skvmoip.server.module.MachineControl;

/** One controller per machine: claim, explicit take-over, release; the loser is told and keys are let go. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControlSeatsTest {

    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final ControlSeats seats = new ControlSeats(name -> Optional.empty());

    ControlSeatsTest() {
        seats.onChange((machine, previous, current) -> changes.add(machine + ": " + previous.orElse("-") + " -> "
                + current.orElse("-")));
    }

    @Test
    void givenAFreeMachineWhenAViewerClaimsItThenItControlsIt() {
        assertThat(seats.claim("pc1", "alice", false)).isTrue();

        assertThat(seats.controller("pc1")).hasValue("alice");
        assertThat(seats.controls("pc1", "alice")).isTrue();
        assertThat(changes).containsExactly("pc1: - -> alice");
    }

    @Test
    void givenAControlledMachineWhenAnotherViewerClaimsWithoutTakingOverThenNothingChanges() {
        seats.claim("pc1", "alice", false);

        assertThat(seats.claim("pc1", "bob", false)).isFalse();

        assertThat(seats.controller("pc1")).hasValue("alice");
        assertThat(seats.controls("pc1", "bob")).isFalse();
        assertThat(changes).containsExactly("pc1: - -> alice");
    }

    @Test
    void givenAControlledMachineWhenAnotherViewerTakesOverThenItControlsItAndTheFormerIsTold() {
        seats.claim("pc1", "alice", false);

        assertThat(seats.claim("pc1", "bob", true)).isTrue();

        assertThat(seats.controller("pc1")).hasValue("bob");
        assertThat(changes).containsExactly("pc1: - -> alice", "pc1: alice -> bob");
    }

    @Test
    void givenTheControllerClaimingAgainThenNothingChanges() {
        seats.claim("pc1", "alice", false);

        assertThat(seats.claim("pc1", "alice", false)).isTrue();

        assertThat(changes).containsExactly("pc1: - -> alice");
    }

    @Test
    void givenAReleaseByAViewerWithoutControlThenNothingChangesAndByTheControllerTheMachineIsFree() {
        seats.claim("pc1", "alice", false);

        seats.release("pc1", "bob");
        assertThat(seats.controller("pc1")).hasValue("alice");

        seats.release("pc1", "alice");
        assertThat(seats.controller("pc1")).isEmpty();
        assertThat(changes).containsExactly("pc1: - -> alice", "pc1: alice -> -");
    }

    @Test
    void givenAViewerThatLeavesThenEveryMachineItControlledIsFreed() {
        seats.claim("pc1", "alice", false);
        seats.claim("pc2", "alice", false);
        seats.claim("pc3", "bob", false);

        seats.releaseAll("alice");

        assertThat(seats.controller("pc1")).isEmpty();
        assertThat(seats.controller("pc2")).isEmpty();
        assertThat(seats.controller("pc3")).hasValue("bob");
    }

    @Test
    void givenKeysHeldByTheControllerWhenAnotherTakesOverThenTheTargetSeesEveryKeyReleased() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(13)) {
            ControlSeats withMachine = new ControlSeats(
                    name -> name.equals("pc13") ? Optional.<MachineControl>of(machine.link) : Optional.empty());
            withMachine.claim("pc13", "alice", false);
            machine.link.keyboard(HidKeyboard.MODIFIER_LEFT_SHIFT, new byte[] {HidKeyboard.A}, 1);
            machine.keyboard().awaitLast("02 00 04 00 00 00 00 00");

            withMachine.claim("pc13", "bob", true);

            machine.keyboard().awaitLast(KeyboardReports.RELEASED);
        }
    }
}
