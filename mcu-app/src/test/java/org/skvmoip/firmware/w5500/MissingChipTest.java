package org.skvmoip.firmware.w5500;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.hal.Clock;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;

/** A board whose W5500 is missing or miswired: MISO floats (reads all 0x00 or all 0xFF). */
class MissingChipTest {

    @ParameterizedTest(name = "MISO stuck at 0x{0}")
    @ValueSource(ints = {0x00, 0xFF})
    void startGivesUpAfterTheResetRetriesAndSaysWhatToCheck(int floatingLevel) {
        SpiDevice floatingBus = (tx, txOff, rx, rxOff, len) -> {
            if (rx != null) {
                Arrays.fill(rx, rxOff, rxOff + len, (byte) floatingLevel);
            }
        };
        CountingResetPin resetPin = new CountingResetPin();
        W5500 chip = new W5500(floatingBus, resetPin, new NeverAsserted(), new FakeClock());

        boolean started = chip.start(new NetworkConfig());

        assertThat(started).isFalse();
        assertThat(chip.state()).isEqualTo(W5500.STATE_NO_CHIP);
        assertThat(resetPin.pulses).isEqualTo(W5500.RESET_ATTEMPTS);
        assertThat(resetPin.isHigh()).as("chip released from reset").isTrue();
        assertThat(W5500.describeState(chip.state())).contains("VERSIONR", "SPI wiring", "RSTn");
    }

    @ParameterizedTest(name = "MISO stuck at 0x{0}")
    @ValueSource(ints = {0x00, 0xFF})
    void aSocketCommandOnADeadBusFailsInsteadOfHanging(int floatingLevel) {
        SpiDevice floatingBus = (tx, txOff, rx, rxOff, len) -> {
            if (rx != null) {
                Arrays.fill(rx, rxOff, rxOff + len, (byte) floatingLevel);
            }
        };
        W5500 chip = new W5500(floatingBus, new CountingResetPin(), new NeverAsserted(), new FakeClock());

        int result = chip.socket(0).openTcp(7);

        assertThat(result).isLessThan(0);
    }

    static final class CountingResetPin implements DigitalOutput {
        int pulses;
        boolean high = true;

        public void high() {
            high = true;
        }

        public void low() {
            if (high) {
                pulses++;
            }
            high = false;
        }

        public boolean isHigh() {
            return high;
        }
    }

    static final class NeverAsserted implements InterruptLine {
        public boolean isAsserted() {
            return false;
        }

        public boolean awaitAsserted(long deadlineMillis) {
            return false;
        }
    }

    static final class FakeClock implements Clock {
        long now;

        public long millis() {
            return now;
        }

        public void sleepMillis(long millis) {
            now += millis;
        }
    }
}
