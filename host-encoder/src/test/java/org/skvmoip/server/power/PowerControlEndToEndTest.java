package org.skvmoip.server.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.server.module.LinkedMachine;
import org.skvmoip.server.module.Poll;
import org.skvmoip.server.power.PowerException.Reason;
import org.skvmoip.sim.machine.PowerState;

/**
 * Power intents and raw presses through the module link into the simulated module's front panel,
 * as the virtual target reacts. Slots 20..22 (see {@link LinkedMachine}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PowerControlEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final PowerControl power = new PowerControl(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void givenAnOffMachineWhenOnThenItBootsAndTheStatusShowsThePowerLed() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(20)) {
            PowerOutcome outcome = perform(machine, PowerAction.ON);

            assertThat(outcome.pressed()).isTrue();
            assertThat(outcome.powerLedAfter()).isTrue();
            assertThat(outcome.message()).isEqualTo("pressed power; the machine is on");
            assertThat(machine.link.status().powerLed()).isTrue();
            assertThat(machine.module().target().state()).isIn(PowerState.BOOTING, PowerState.RUNNING);
        }
    }

    @Test
    void givenARunningMachineWhenOnThenNothingIsPressed() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(21)) {
            machine.bootTarget();
            awaitLed(machine, true);
            long changes = machine.module().target().stateChanges();

            PowerOutcome again = perform(machine, PowerAction.ON);

            assertThat(again.pressed()).isFalse();
            assertThat(again.powerLedAfter()).isTrue();
            assertThat(again.message()).isEqualTo("the machine is already on; nothing pressed");
            assertThat(machine.module().target().stateChanges()).as("still running, not shutting down")
                    .isEqualTo(changes);
        }
    }

    @Test
    void givenARunningMachineWhenOffThenTheOsShutsDownAndTheLedGoesDark() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(22)) {
            machine.bootTarget();
            awaitLed(machine, true);

            PowerOutcome outcome = perform(machine, PowerAction.OFF);

            assertThat(outcome.pressed()).isTrue();
            assertThat(outcome.powerLedAfter()).isFalse();
            assertThat(outcome.message()).contains("the OS shut down");
            assertThat(machine.module().target().state()).isEqualTo(PowerState.OFF);
        }
    }

    @Test
    void givenAnOsThatIsStillShuttingDownWhenTheOffWaitEndsThenTheOutcomeSaysItDidNotShutDown() throws Exception {
        // The target takes 1 s to shut down after the 200 ms press: a 100 ms wait cannot see it.
        PowerControl impatient = new PowerControl(scheduler,
                new PowerControl.Waits(Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(15)));
        try (LinkedMachine machine = LinkedMachine.online(20)) {
            machine.bootTarget();
            awaitLed(machine, true);

            PowerOutcome outcome = impatient.perform(machine.link, PowerAction.OFF).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(outcome.pressed()).isTrue();
            assertThat(outcome.powerLedAfter()).isTrue();
            assertThat(outcome.message()).contains("still on after 100 ms: the OS did not shut down")
                    .contains("force-off");
        }
    }

    @Test
    void givenARunningMachineWhenForceOffThenItIsOffAtOnceWithoutAShutdown() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(21)) {
            machine.bootTarget();
            awaitLed(machine, true);

            PowerOutcome outcome = perform(machine, PowerAction.FORCE_OFF);

            assertThat(outcome.powerLedAfter()).isFalse();
            assertThat(machine.module().target().state()).isEqualTo(PowerState.OFF);
            assertThat(machine.module().target().powerButtonLine().isHigh()).as("button let go").isFalse();
        }
    }

    @Test
    void givenARunningMachineWhenResetThenItBootsAgain() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(22)) {
            machine.bootTarget();
            long changes = machine.module().target().stateChanges();

            PowerOutcome outcome = perform(machine, PowerAction.RESET);

            assertThat(outcome.message()).isEqualTo("pressed reset");
            Poll.until("a reboot", () -> machine.module().target().stateChanges() > changes,
                    () -> machine.module().target().state());
        }
    }

    @Test
    void givenAnOperationRunningWhenAnotherIsAskedOnTheSameMachineThenItIsRefusedSayingTryAgain() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(20)) {
            CompletableFuture<PowerOutcome> first = power.perform(machine.link, PowerAction.CLICK);

            CompletableFuture<PowerOutcome> second = power.perform(machine.link, PowerAction.ON);

            assertThatThrownBy(second::join).cause().isInstanceOf(PowerException.class)
                    .hasMessage("another power operation is running on pc20; try again when it ends")
                    .satisfies(e -> assertThat(((PowerException) e).reason()).isEqualTo(Reason.BUSY));
            assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).pressed()).isTrue();
            assertThat(perform(machine, PowerAction.ON).message()).as("free again once the first ended")
                    .contains("the machine is");
        }
    }

    @Test
    void givenAnOfflineModuleWhenOnThenItFailsSayingSoAndNothingIsPressed() throws Exception {
        try (LinkedMachine machine = LinkedMachine.withoutModule(21, Optional.of(LinkedMachine.SECRET))) {
            Poll.until("connection refused", () -> machine.link.status().problem().contains("connection refused"),
                    machine.link::status);

            assertThatThrownBy(() -> perform(machine, PowerAction.ON)).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(PowerException.class)
                    .hasMessageStartingWith("the module of pc21 is offline (module 127.0.0.1:")
                    .hasMessageContaining("nothing was pressed");
        }
    }

    private PowerOutcome perform(LinkedMachine machine, PowerAction action) throws Exception {
        return power.perform(machine.link, action).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void awaitLed(LinkedMachine machine, boolean lit) throws InterruptedException {
        Poll.until("the power LED in the status", () -> machine.link.status().powerLed() == lit, machine.link::status);
    }
}
