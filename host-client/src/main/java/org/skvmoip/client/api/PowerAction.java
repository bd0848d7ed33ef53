package org.skvmoip.client.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What POST /api/machines/{name}/power does: intent-level actions that look at the LED, and raw presses. */
public enum PowerAction {
    /** Short press, only when the power LED is off. */
    ON("on"),
    /** Short press (the OS shuts down), only when on; the answer waits for the LED to go off. */
    OFF("off"),
    /** Long press (forced off), only when on. */
    FORCE_OFF("force-off"),
    /** Press of the reset button. */
    RESET("reset"),
    /** Raw short press of the power button, whatever the LED. */
    CLICK("click"),
    /** Raw long press of the power button, whatever the LED. */
    LONG_CLICK("long-click");

    private final String wire;

    PowerAction(String wire) {
        this.wire = wire;
    }

    /** The name in the API and on the command line. */
    public String wire() {
        return wire;
    }

    public static PowerAction parse(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (PowerAction action : values()) {
            if (action.wire.equals(wanted)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown power action '" + name + "'; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(PowerAction::wire).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wire;
    }
}
