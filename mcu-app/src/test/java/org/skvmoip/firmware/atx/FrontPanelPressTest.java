package org.skvmoip.firmware.atx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Presses are timed by the module, bounded, one at a time, and let go of on request. */
class FrontPanelPressTest {

    private final TestPin power = new TestPin();
    private final TestPin reset = new TestPin();
    private final TestPin powerLed = new TestPin();
    private final TestPin hddLed = new TestPin();
    private FrontPanel panel;

    @BeforeEach
    void buildPanel() {
        power.set(true);
        reset.set(true);
        panel = new FrontPanel(power, reset, powerLed, hddLed);
    }

    @Test
    void givenANewPanelThenBothButtonsAreReleased() {
        assertThat(power.isHigh()).isFalse();
        assertThat(reset.isHigh()).isFalse();
        assertThat(panel.activePress()).isEqualTo(FrontPanel.PRESS_NONE);
    }

    @ParameterizedTest(name = "kind {0} holds the {1} button for {2} ms")
    @CsvSource({
        // kind, button, held ms (golden)
        "1, power, 200",
        "2, power, 5000",
        "3, reset, 200",
    })
    void whenAPressIsPolledEveryMillisecondThenItsButtonIsHeldForExactlyItsLength(int kind, String button,
            int heldMillis) {
        TestPin pressed = button.equals("power") ? power : reset;
        TestPin other = button.equals("power") ? reset : power;
        long start = 1_000;

        assertThat(panel.press(kind, start)).isEqualTo(FrontPanel.OK);
        long releasedAt = -1;
        for (long now = start; now <= start + 10_000 && releasedAt < 0; now++) {
            int changed = panel.poll(now);
            assertThat(other.isHigh()).as("the other button at %d", now).isFalse();
            if (!pressed.isHigh()) {
                releasedAt = now;
                assertThat(changed & FrontPanel.PRESS_ENDED).isNotZero();
            }
        }

        assertThat(releasedAt - start).isEqualTo(heldMillis).isLessThanOrEqualTo(FrontPanel.MAX_PRESS_MILLIS);
        assertThat(panel.activePress()).isEqualTo(FrontPanel.PRESS_NONE);
    }

    @Test
    void givenALongPressWhenTheLoopWakesOnlyAtNextDeadlineThenTheButtonIsReleasedOnTime() {
        panel.press(FrontPanel.PRESS_LONG, 0);

        long now = 0;
        while (power.isHigh()) {
            now = panel.nextDeadline();
            panel.poll(now);
        }

        assertThat(now).isEqualTo(FrontPanel.LONG_PRESS_MILLIS);
    }

    @Test
    void givenAPressRunningWhenAnotherIsRequestedThenItIsBusyAndNothingMoreIsPressed() {
        panel.press(FrontPanel.PRESS_SHORT, 0);

        assertThat(panel.press(FrontPanel.PRESS_RESET, 50)).isEqualTo(FrontPanel.BUSY);
        assertThat(panel.press(FrontPanel.PRESS_LONG, 50)).isEqualTo(FrontPanel.BUSY);
        assertThat(reset.isHigh()).isFalse();
        panel.poll(FrontPanel.SHORT_PRESS_MILLIS);
        assertThat(power.isHigh()).as("the first press still ends at its own time").isFalse();
        assertThat(panel.press(FrontPanel.PRESS_RESET, 300)).isEqualTo(FrontPanel.OK);
    }

    @Test
    void givenALongPressWhenReleaseAllMidPressThenTheButtonIsReleasedAtOnce() {
        panel.press(FrontPanel.PRESS_LONG, 0);
        panel.poll(1_000);

        panel.releaseAll();

        assertThat(power.isHigh()).isFalse();
        assertThat(panel.activePress()).isEqualTo(FrontPanel.PRESS_NONE);
        assertThat(panel.poll(FrontPanel.LONG_PRESS_MILLIS) & FrontPanel.PRESS_ENDED).isZero();
        assertThat(panel.press(FrontPanel.PRESS_SHORT, 1_001)).isEqualTo(FrontPanel.OK);
    }

    @Test
    void whenAnUnknownKindIsRequestedThenNothingIsPressed() {
        assertThat(panel.press(7, 0)).isEqualTo(FrontPanel.UNKNOWN_PRESS);
        assertThat(panel.press(FrontPanel.PRESS_NONE, 0)).isEqualTo(FrontPanel.UNKNOWN_PRESS);
        assertThat(power.isHigh() || reset.isHigh()).isFalse();
        assertThat(FrontPanel.describeResult(FrontPanel.UNKNOWN_PRESS)).contains("1 short, 2 long, 3 reset");
    }

    @Test
    void givenThePowerLedOnWhenPowerOnIsAskedThenNothingIsPressedButPowerOffPresses() {
        powerLed.set(true);
        for (long now = 0; now <= 30; now += FrontPanel.SAMPLE_PERIOD_MILLIS) {
            panel.poll(now);
        }

        assertThat(panel.powerOn(40)).isEqualTo(FrontPanel.ALREADY_DONE);
        assertThat(power.isHigh()).isFalse();
        assertThat(panel.powerOff(40)).isEqualTo(FrontPanel.OK);
        assertThat(panel.activePress()).isEqualTo(FrontPanel.PRESS_SHORT);
    }

    @Test
    void givenThePowerLedOffWhenAskedThenOnlyPowerOnPresses() {
        panel.poll(0);

        assertThat(panel.powerOff(10)).isEqualTo(FrontPanel.ALREADY_DONE);
        assertThat(panel.powerOffHard(10)).isEqualTo(FrontPanel.ALREADY_DONE);
        assertThat(panel.resetHard(10)).isEqualTo(FrontPanel.ALREADY_DONE);
        assertThat(power.isHigh() || reset.isHigh()).isFalse();
        assertThat(panel.powerOn(10)).isEqualTo(FrontPanel.OK);
        assertThat(power.isHigh()).isTrue();
    }

    @Test
    void nextDeadlineIsTheEarlierOfTheNextSampleAndThePressEnd() {
        panel.poll(0);
        assertThat(panel.nextDeadline()).isEqualTo(FrontPanel.SAMPLE_PERIOD_MILLIS);

        panel.press(FrontPanel.PRESS_SHORT, 5);
        panel.poll(200);
        assertThat(panel.nextDeadline()).isEqualTo(205);
    }
}
