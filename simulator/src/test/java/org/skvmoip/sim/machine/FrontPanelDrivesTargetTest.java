package org.skvmoip.sim.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.atx.FrontPanel;
import org.skvmoip.firmware.atx.HddActivityMonitor;
import org.skvmoip.firmware.atx.PowerLedMonitor;
import org.skvmoip.sim.board.ManualClock;
import org.skvmoip.sim.gpio.SimPin;

/** The firmware's FrontPanel drives the virtual target through simulated GPIO, end to end. */
class FrontPanelDrivesTargetTest {

    private final ManualClock clock = new ManualClock();
    private final VirtualTarget target = new VirtualTarget(clock);
    private final FrontPanel panel = new FrontPanel(new SimPin(target.powerButtonLine()),
            new SimPin(target.resetButtonLine()), new SimPin(target.powerLedLine()), new SimPin(target.hddLedLine()));
    private boolean sawHddActivity;

    private boolean ledEdge;

    {
        target.powerLedLine().addListener((wire, level) -> ledEdge = true);
        target.hddLedLine().addListener((wire, level) -> ledEdge = true);
    }

    /**
     * The main loop's view, for {@code millis}: the machine runs on its own clock (1 ms steps);
     * the firmware polls the panel at its next deadline or when an LED line's edge wakes it.
     */
    private void runFor(long millis) {
        long end = clock.millis() + millis;
        panel.poll(clock.millis());
        while (clock.millis() < end) {
            clock.advance(1);
            target.update();
            if (ledEdge || clock.millis() >= panel.nextDeadline()) {
                ledEdge = false;
                panel.poll(clock.millis());
                sawHddActivity |= panel.hddActive();
            }
        }
    }

    private void powerOnAndBoot() {
        runFor(100);
        assertThat(panel.powerOn(clock.millis())).isEqualTo(FrontPanel.OK);
        runFor(FrontPanel.SHORT_PRESS_MILLIS + VirtualTarget.BOOT_MILLIS + 100);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void whenTheModulePowersOnThenTheTargetBootsAndTheModuleReadsThePowerLedOnAndDiskActivity() {
        runFor(100);
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.OFF);

        assertThat(panel.powerOn(clock.millis())).isEqualTo(FrontPanel.OK);
        runFor(FrontPanel.SHORT_PRESS_MILLIS + 50);

        assertThat(target.state()).isEqualTo(PowerState.BOOTING);
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.ON);
        runFor(VirtualTarget.BOOT_MILLIS);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
        assertThat(sawHddActivity).as("HDD activity during boot").isTrue();
        runFor(HddActivityMonitor.WINDOW_MILLIS + 100);
        assertThat(panel.hddActive()).isFalse();
        assertThat(panel.powerOn(clock.millis())).as("already on").isEqualTo(FrontPanel.ALREADY_DONE);
    }

    @Test
    void whenTheModulePowersOffThenTheOsShutsDownAndTheModuleReadsThePowerLedOff() {
        powerOnAndBoot();

        assertThat(panel.powerOff(clock.millis())).isEqualTo(FrontPanel.OK);
        runFor(FrontPanel.SHORT_PRESS_MILLIS + 50);
        assertThat(target.state()).isEqualTo(PowerState.SHUTTING_DOWN);
        runFor(VirtualTarget.SHUTDOWN_MILLIS);

        assertThat(target.state()).isEqualTo(PowerState.OFF);
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.OFF);
    }

    @Test
    void whenTheModuleForcesOffThenPowerIsCutAtFourSecondsAndTheButtonIsReleasedAtItsBound() {
        powerOnAndBoot();
        long pressedAt = clock.millis();

        assertThat(panel.powerOffHard(pressedAt)).isEqualTo(FrontPanel.OK);
        runFor(VirtualTarget.POWER_OVERRIDE_MILLIS + 100);

        assertThat(target.state()).isEqualTo(PowerState.OFF);
        assertThat(target.stateSince()).isEqualTo(pressedAt + VirtualTarget.POWER_OVERRIDE_MILLIS);
        assertThat(target.powerButtonLine().level()).as("still inside the long press").isTrue();
        runFor(FrontPanel.LONG_PRESS_MILLIS);
        assertThat(target.powerButtonLine().level()).isFalse();
        assertThat(target.state()).isEqualTo(PowerState.OFF);
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.OFF);
    }

    @Test
    void whenTheModuleResetsThenTheTargetRebootsWithoutItsPowerLedGoingOut() {
        powerOnAndBoot();
        long changesBefore = target.stateChanges();

        assertThat(panel.resetHard(clock.millis())).isEqualTo(FrontPanel.OK);
        runFor(FrontPanel.RESET_PULSE_MILLIS + 50);

        assertThat(target.state()).isEqualTo(PowerState.BOOTING);
        assertThat(target.stateChanges()).isEqualTo(changesBefore + 1);
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.ON);
        runFor(VirtualTarget.BOOT_MILLIS);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void whenTheSessionIsLostMidPressThenReleaseAllLetsGoBeforeTheOverride() {
        powerOnAndBoot();
        panel.press(FrontPanel.PRESS_LONG, clock.millis());
        runFor(1_000);

        panel.releaseAll();
        runFor(10);

        assertThat(target.powerButtonLine().level()).isFalse();
        assertThat(target.state()).as("a 1 s press asks the OS to shut down; no forced off")
                .isEqualTo(PowerState.SHUTTING_DOWN);
    }
}
