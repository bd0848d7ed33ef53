package org.skvmoip.sim.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.board.ManualClock;
import org.skvmoip.sim.gpio.Wire;

/** The target's power state machine follows its front-panel lines as a real PC does. */
class VirtualTargetPowerTest {

    private final ManualClock clock = new ManualClock(10_000);
    private final VirtualTarget target = new VirtualTarget(clock);

    private void hold(Wire line, long millis) {
        line.drive(true);
        clock.advance(millis);
        line.drive(false);
    }

    private void powerOnAndBoot() {
        hold(target.powerButtonLine(), 200);
        clock.advance(VirtualTarget.BOOT_MILLIS);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void givenOffWhenThePowerButtonIsPressedThenItBootsWithItsPowerLedLitAndThenRuns() {
        assertThat(target.state()).isEqualTo(PowerState.OFF);
        assertThat(target.powerLedLit()).isFalse();

        hold(target.powerButtonLine(), 200);

        assertThat(target.state()).isEqualTo(PowerState.BOOTING);
        assertThat(target.powerLedLit()).isTrue();
        clock.advance(VirtualTarget.BOOT_MILLIS - 1);
        assertThat(target.state()).isEqualTo(PowerState.BOOTING);
        clock.advance(1);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
        assertThat(target.powerLedLit()).isTrue();
    }

    @Test
    void givenBootingThenTheHddLedBlinksAndWhenRunningIdleItIsDark() {
        hold(target.powerButtonLine(), 200);
        int lit = 0;
        int dark = 0;
        for (int t = 0; t < VirtualTarget.BOOT_MILLIS; t += 10) {
            if (target.hddLedLit()) {
                lit++;
            } else {
                dark++;
            }
            clock.advance(10);
        }

        assertThat(lit).isPositive();
        assertThat(dark).isPositive();
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
        assertThat(target.hddLedLit()).isFalse();
    }

    @Test
    void givenRunningWhenTheButtonIsPressedShortlyThenTheOsShutsDownAndItTurnsOff() {
        powerOnAndBoot();

        hold(target.powerButtonLine(), 200);

        assertThat(target.state()).isEqualTo(PowerState.SHUTTING_DOWN);
        assertThat(target.powerLedLit()).isTrue();
        clock.advance(VirtualTarget.SHUTDOWN_MILLIS);
        assertThat(target.state()).isEqualTo(PowerState.OFF);
        assertThat(target.powerLedLit()).isFalse();
    }

    @Test
    void givenRunningWhenTheButtonIsHeldThenPowerIsCutAtFourSecondsWithoutWaitingForRelease() {
        powerOnAndBoot();
        long pressedAt = clock.millis();
        target.powerButtonLine().drive(true);

        clock.advance(VirtualTarget.POWER_OVERRIDE_MILLIS - 1);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
        clock.advance(1);
        assertThat(target.state()).isEqualTo(PowerState.OFF);
        assertThat(target.stateSince()).isEqualTo(pressedAt + VirtualTarget.POWER_OVERRIDE_MILLIS);
        assertThat(target.powerLedLit()).isFalse();

        clock.advance(1_000);
        target.powerButtonLine().drive(false);
        assertThat(target.state()).as("the release after an override turns nothing on").isEqualTo(PowerState.OFF);
    }

    @Test
    void givenTheClockJumpsPastTheOverrideThenTheOverrideStillWinsOverTheShutdownItInterrupted() {
        powerOnAndBoot();
        hold(target.powerButtonLine(), 200);
        target.powerButtonLine().drive(true);

        clock.advance(VirtualTarget.POWER_OVERRIDE_MILLIS + 10_000);

        assertThat(target.state()).isEqualTo(PowerState.OFF);
    }

    @Test
    void givenOffWhenTheButtonIsHeldFourSecondsOrMoreThenItStaysOff() {
        hold(target.powerButtonLine(), 5_000);

        assertThat(target.state()).isEqualTo(PowerState.OFF);
    }

    @Test
    void givenAGlitchShorterThanAPressThenNothingHappens() {
        hold(target.powerButtonLine(), VirtualTarget.PRESS_MIN_MILLIS - 1);
        assertThat(target.state()).isEqualTo(PowerState.OFF);

        powerOnAndBoot();
        hold(target.powerButtonLine(), VirtualTarget.PRESS_MIN_MILLIS - 1);
        hold(target.resetButtonLine(), VirtualTarget.PRESS_MIN_MILLIS - 1);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void givenRunningWhenResetIsPressedThenItRebootsFromTheRelease() {
        powerOnAndBoot();

        hold(target.resetButtonLine(), 200);

        assertThat(target.state()).isEqualTo(PowerState.BOOTING);
        assertThat(target.stateSince()).isEqualTo(clock.millis());
        clock.advance(VirtualTarget.BOOT_MILLIS);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void givenOffWhenResetIsPressedThenItStaysOff() {
        hold(target.resetButtonLine(), 200);

        assertThat(target.state()).isEqualTo(PowerState.OFF);
    }

    @Test
    void givenBootingWhenThePowerButtonIsPressedThenItTurnsOffAtOnce() {
        hold(target.powerButtonLine(), 200);
        clock.advance(500);

        hold(target.powerButtonLine(), 200);

        assertThat(target.state()).isEqualTo(PowerState.OFF);
    }

    @Test
    void givenOffThenTheScreenIsBlackAndWhileBootingItShowsTheBiosScreen() {
        assertThat(target.snapshot()).containsOnly(ScreenLayout.BACKGROUND_RGB);

        hold(target.powerButtonLine(), 200);
        clock.advance(ScreenRenderer.MEMORY_TEST_MILLIS);

        String[] rows = ScreenTextReader.readRows(target.snapshotImage());
        assertThat(rows).contains(" " + ScreenRenderer.BIOS_VENDOR, " Memory Test: 16384 MB OK",
                " " + ScreenRenderer.BIOS_SETUP_HINT);
    }
}
