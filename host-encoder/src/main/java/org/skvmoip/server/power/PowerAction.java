package org.skvmoip.server.power;

/**
 * Power operations at two levels, as PiKVM's kvmd offers them: intents that look at the power LED
 * first, and raw presses.
 */
public enum PowerAction {
    /** Short press, only when the power LED is off. */
    ON,
    /** Short press (the OS shuts down), only when the LED is on; waits for the LED to go off. */
    OFF,
    /** Long press, only when the LED is on. */
    FORCE_OFF,
    /** Reset button press. */
    RESET,
    /** Raw short press of the power button. */
    CLICK,
    /** Raw long press of the power button. */
    LONG_CLICK
}
