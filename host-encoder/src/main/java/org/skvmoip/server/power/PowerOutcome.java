package org.skvmoip.server.power;

/**
 * What a power operation did.
 *
 * @param pressed       a button was pressed (false: nothing to do, e.g. ON while already on)
 * @param powerLedAfter the power LED when the operation finished
 * @param message       for the person who asked: "pressed power; the machine is on"
 */
public record PowerOutcome(PowerAction action, boolean pressed, boolean powerLedAfter, String message) {
}
