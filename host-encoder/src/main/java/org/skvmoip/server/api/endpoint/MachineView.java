package org.skvmoip.server.api.endpoint;

/**
 * One machine as GET /api/machines and the events socket show it (docs/api.md).
 *
 * @param module       the machine has a module (false: video only)
 * @param online       the module's link is up
 * @param power        "on", "off", or "unknown" while the module is offline
 * @param hdd          the HDD LED is lit now
 * @param hddActivity  percent of the last window the HDD LED was lit
 * @param streaming    a video pipeline runs for it (someone watches)
 * @param viewers      video viewers now
 * @param controller   the user whose input goes to the machine, or null
 * @param signal       the capture source delivers pictures; null when not streaming (not known)
 * @param encoder      the encoder in use, or null when not streaming
 * @param problem      why the module is offline, or null
 * @param access       what the caller may do with it: "control" or "view" (Rights)
 */
public record MachineView(String name, boolean module, boolean online, String power, boolean hdd, int hddActivity,
        KeyboardLeds keyboardLeds, Usb usb, boolean streaming, int viewers, String controller, Boolean signal,
        String encoder, String problem, String access) {

    /** The same machine as a caller with this access sees it. */
    public MachineView withAccess(String access) {
        return new MachineView(name, module, online, power, hdd, hddActivity, keyboardLeds, usb, streaming, viewers,
                controller, signal, encoder, problem, access);
    }

    /** The target's keyboard LEDs, as its OS last set them. */
    public record KeyboardLeds(boolean num, boolean caps, boolean scroll) {
    }

    /** The module's USB device as the target sees it. */
    public record Usb(boolean configured, boolean suspended) {
    }
}
