package org.skvmoip.client.api;

/**
 * Who controls a machine's keyboard and mouse, as the input socket reports it on opening, after
 * each claim or release, and whenever the controller changes.
 *
 * @param held       this socket controls the machine
 * @param controller the user who does; null when nobody does
 * @param error      why a claim was refused (someone else holds control); null otherwise
 */
public record ControlState(boolean held, String controller, String error) {
}
