package org.skvmoip.hal.stm32;

import org.skvmoip.hal.Clock;
import org.skvmoip.hal.DigitalInput;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.Events;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;

/** The HAL interfaces over {@link Stm32Natives}; each method is one native call. */
final class Stm32Pins {

    private Stm32Pins() {
    }

    static final class Spi implements SpiDevice {
        private final int csPin;

        Spi(int csPin) {
            this.csPin = csPin;
        }

        public void transfer(byte[] tx, int txOff, byte[] rx, int rxOff, int len) {
            Stm32Natives.spiTransfer(csPin, tx, txOff, rx, rxOff, len);
        }
    }

    static final class Output implements DigitalOutput {
        private final int pin;
        private boolean high;

        Output(int pin, boolean initialHigh) {
            this.pin = pin;
            if (initialHigh) {
                high();
            } else {
                low();
            }
        }

        public void high() {
            Stm32Natives.gpioWrite(pin, true);
            high = true;
        }

        public void low() {
            Stm32Natives.gpioWrite(pin, false);
            high = false;
        }

        public boolean isHigh() {
            return high;
        }
    }

    /** A plain input; {@code activeLow} inverts it so isHigh() means "active". */
    static final class Input implements DigitalInput {
        private final int pin;
        private final boolean activeLow;

        Input(int pin, boolean activeLow) {
            this.pin = pin;
            this.activeLow = activeLow;
        }

        public boolean isHigh() {
            return Stm32Natives.gpioRead(pin) != activeLow;
        }
    }

    /** The main loop's wake-up: any interrupt the C side routes to it, or the deadline. */
    static final class IrqEvents implements Events {
        public void await(long deadlineMillis) {
            Stm32Natives.eventAwait(deadlineMillis);
        }
    }

    /** An active-low interrupt input with an EXTI line. */
    static final class ActiveLowIrq implements InterruptLine {
        private final int pin;

        ActiveLowIrq(int pin) {
            this.pin = pin;
        }

        public boolean isAsserted() {
            return !Stm32Natives.gpioRead(pin);
        }

        public boolean awaitAsserted(long deadlineMillis) {
            if (isAsserted()) {
                return true;
            }
            Stm32Natives.irqSuspendUntil(pin, true, deadlineMillis);
            return isAsserted();
        }
    }

    /** MicroEJ's platform time; sleeps are the VM scheduler's. */
    static final class PlatformClock implements Clock {
        public long millis() {
            return Stm32Natives.millis();
        }

        public void sleepMillis(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
