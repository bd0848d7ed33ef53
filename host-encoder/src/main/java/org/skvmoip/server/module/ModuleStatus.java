package org.skvmoip.server.module;

/**
 * What the server knows of one machine's module, pushed to every viewer on change.
 *
 * @param online        an authenticated session with the module is up
 * @param powerLed      the machine's power LED (from the module's STATUS)
 * @param hddLed        the HDD LED now
 * @param hddActivity   percentage of the last window the HDD LED was lit, 0..100
 * @param keyboardLeds  the target's keyboard LEDs (protocol Status.LED_* bits)
 * @param usbConfigured the target's USB host configured the module's HID device
 * @param usbSuspended  the target suspended USB (asleep)
 * @param problem       why the link is down, for the person reading it; empty when online
 */
public record ModuleStatus(boolean online, boolean powerLed, boolean hddLed, int hddActivity, int keyboardLeds,
        boolean usbConfigured, boolean usbSuspended, String problem) {

    public static ModuleStatus offline(String problem) {
        return new ModuleStatus(false, false, false, 0, 0, false, false, problem);
    }
}
