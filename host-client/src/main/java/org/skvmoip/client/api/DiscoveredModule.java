package org.skvmoip.client.api;

/**
 * A module that answered discovery (GET /api/modules/discover).
 *
 * @param moduleId        the module's unique id, hex
 * @param address         its IP address
 * @param controlPort     its control port
 * @param firmwareVersion the firmware's version
 * @param adopted         it already has a secret (adopting again needs its factory reset)
 */
public record DiscoveredModule(String moduleId, String address, int controlPort, int firmwareVersion,
        boolean adopted) {
}
