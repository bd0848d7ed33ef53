package org.skvmoip.firmware.atx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The power LED is debounced and told apart from a sleep blink; HDD activity is a windowed level. */
class FrontPanelLedTest {

    private static final int PERIOD = FrontPanel.SAMPLE_PERIOD_MILLIS;

    private final TestPin powerLed = new TestPin();
    private final TestPin hddLed = new TestPin();
    private final FrontPanel panel = new FrontPanel(new TestPin(), new TestPin(), powerLed, hddLed);
    private long now;
    private int changes;

    /** Holds the inputs at these levels for {@code millis}, polling at every sample time. */
    private void hold(boolean power, boolean hdd, long millis) {
        powerLed.set(power);
        hddLed.set(hdd);
        long end = now + millis;
        for (; now < end; now += PERIOD) {
            changes |= panel.poll(now);
        }
    }

    @Test
    void givenTheLedLitForThreeSamplesThenThePowerLedReadsOnAndTheChangeIsReported() {
        hold(false, false, 100);
        changes = 0;

        hold(true, false, 2 * PERIOD);
        assertThat(panel.powerLed()).as("after two samples").isEqualTo(PowerLedMonitor.OFF);
        hold(true, false, PERIOD);

        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.ON);
        assertThat(changes & FrontPanel.CHANGED_POWER_LED).isNotZero();
    }

    @Test
    void givenGlitchesShorterThanTheDebounceThenThePowerLedStateNeverFlips() {
        hold(true, false, 100);
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.ON);
        changes = 0;

        for (int i = 0; i < 20; i++) {
            hold(false, false, (PowerLedMonitor.STABLE_SAMPLES - 1) * PERIOD);
            hold(true, false, PERIOD);
        }

        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.ON);
        assertThat(changes & FrontPanel.CHANGED_POWER_LED).isZero();
    }

    @Test
    void givenTheLedBlinkingAtOneHertzThenItReadsBlinkingAndThenOnOnceSteady() {
        hold(true, false, 5_000);
        for (int i = 0; i < 4; i++) {
            hold(false, false, 500);
            hold(true, false, 500);
        }
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.BLINKING);

        hold(true, false, PowerLedMonitor.BLINK_WINDOW_MILLIS - 500);
        assertThat(panel.powerLed()).as("just woken").isEqualTo(PowerLedMonitor.BLINKING);
        hold(true, false, 1_000);
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.ON);
    }

    @Test
    void givenAMachineTurnedOnAndOffWithinTheBlinkWindowThenItNeverReadsBlinking() {
        hold(false, false, 1_000);
        hold(true, false, 1_000);
        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.ON);

        hold(false, false, 5_000);

        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.OFF);
    }

    @Test
    void givenOneShortHddPulseThenActivityIsReportedForTheWindowThenEnds() {
        hold(false, false, 100);
        changes = 0;

        hold(false, true, PERIOD);
        assertThat(panel.hddActive()).isTrue();
        assertThat(changes & FrontPanel.CHANGED_HDD_ACTIVITY).isNotZero();
        hold(false, false, HddActivityMonitor.WINDOW_MILLIS - PERIOD);
        assertThat(panel.hddActive()).as("still inside the window").isTrue();
        hold(false, false, PERIOD);

        assertThat(panel.hddActive()).isFalse();
    }

    @Test
    void givenTheHddLedFlickeringWithinTheWindowThenActivityStaysOnWithoutFlapping() {
        hold(false, false, 100);
        hold(false, true, PERIOD);
        changes = 0;

        for (int i = 0; i < 10; i++) {
            hold(false, false, 300);
            hold(false, true, PERIOD);
        }

        assertThat(panel.hddActive()).isTrue();
        assertThat(changes & FrontPanel.CHANGED_HDD_ACTIVITY).isZero();
    }

    @Test
    void givenBothLedsSettledThenAnIdlePanelAsksForNoWakeUpUntilALineChanges() {
        hold(false, false, 100);
        assertThat(panel.nextDeadline()).as("idle: nothing to time").isEqualTo(Long.MAX_VALUE);

        powerLed.set(true);
        panel.poll(now); // the line's edge woke the loop
        assertThat(panel.nextDeadline()).as("debouncing").isEqualTo(now + PERIOD);
        hold(true, false, 3 * PERIOD);

        assertThat(panel.powerLed()).isEqualTo(PowerLedMonitor.ON);
        assertThat(panel.nextDeadline()).as("settled again").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void givenDiskActivityThenThePanelKeepsSamplingUntilTheWindowHasPassed() {
        hold(false, false, 100);
        hold(false, true, PERIOD);
        hold(false, false, PERIOD);

        assertThat(panel.hddActive()).isTrue();
        assertThat(panel.nextDeadline()).isLessThan(Long.MAX_VALUE);
        hold(false, false, HddActivityMonitor.WINDOW_MILLIS);
        assertThat(panel.hddActive()).isFalse();
        assertThat(panel.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }
}
