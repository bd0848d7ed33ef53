package org.skvmoip.client.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One machine as the server sees it now (GET /api/machines, and every event of the events
 * socket). docs/api.md describes each field.
 *
 * @param name         the machine's name in the server's inventory
 * @param module       it has a module (false: video only, no keyboard, mouse or power)
 * @param online       the server has a session with its module
 * @param power        the power LED
 * @param hdd          the HDD LED now
 * @param hddActivity  percent of the last window the HDD LED was lit, 0..100
 * @param keyboardLeds Num/Caps/Scroll Lock as the target's OS set them
 * @param usb          the target's USB host state
 * @param streaming    a video pipeline runs (someone watches)
 * @param viewers      how many watch
 * @param controller   whose keyboard and mouse reach the machine; null when nobody's
 * @param signal       the capture source delivers pictures; null when not streaming
 * @param encoder      the H.264 encoder in use; null when not streaming
 * @param problem      why the module is offline; null when online
 * @param access       what the caller may do with it: control, or only watch
 */
public record MachineState(String name, boolean module, boolean online, Power power, boolean hdd, int hddActivity,
        KeyboardLeds keyboardLeds, Usb usb, boolean streaming, int viewers, String controller, Boolean signal,
        String encoder, String problem, Access access) {

    public MachineState {
        power = power == null ? Power.UNKNOWN : power;
        // A server from before roles lets every user control every machine.
        access = access == null ? Access.CONTROL : access;
        keyboardLeds = keyboardLeds == null ? new KeyboardLeds(false, false, false) : keyboardLeds;
        usb = usb == null ? new Usb(false, false) : usb;
    }

    /** The power LED; {@link #UNKNOWN} while the module is offline. */
    public enum Power {
        ON("on"), OFF("off"), UNKNOWN("unknown");

        private final String wire;

        Power(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        /** A value a later server may add reads as unknown rather than failing the whole list. */
        @JsonCreator
        public static Power of(String wire) {
            for (Power power : values()) {
                if (power.wire.equals(wire)) {
                    return power;
                }
            }
            return UNKNOWN;
        }
    }

    /** The caller's access to the machine: its role on a machine granted to them. */
    public enum Access {
        /** Video, power, keyboard, mouse, paste. */
        CONTROL("control"),
        /** Video, snapshot and events only. */
        VIEW("view");

        private final String wire;

        Access(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        /** A value a later server may add reads as view: a hidden button, never a refused one. */
        @JsonCreator
        public static Access of(String wire) {
            return CONTROL.wire.equals(wire) ? CONTROL : VIEW;
        }
    }

    public record KeyboardLeds(boolean num, boolean caps, boolean scroll) {
    }

    /** @param configured the target's USB host configured the module; @param suspended it put it to sleep */
    public record Usb(boolean configured, boolean suspended) {
    }
}
