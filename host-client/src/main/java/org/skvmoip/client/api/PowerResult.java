package org.skvmoip.client.api;

/**
 * The answer to a power action.
 *
 * @param action  the action done
 * @param pressed false when there was nothing to do ("on" while already on)
 * @param power   the power LED afterwards
 * @param message what happened, for a person; says so when the LED did not follow in time
 */
public record PowerResult(String action, boolean pressed, MachineState.Power power, String message) {
}
