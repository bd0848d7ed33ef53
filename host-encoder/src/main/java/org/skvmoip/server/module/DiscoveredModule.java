package org.skvmoip.server.module;

/**
 * A module that answered discovery (docs/protocol.md §8).
 *
 * @param moduleId    24 hex digits, the module's unique id
 * @param address     where the ANNOUNCE came from
 * @param controlPort the module's control TCP port
 * @param adopted     the module already has a secret (re-adoption needs it, or a factory reset)
 */
public record DiscoveredModule(String moduleId, String address, int controlPort, int firmwareVersion,
        boolean adopted) {
}
