package org.skvmoip.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The configuration file as loaded: the server's settings and its machines, in file order. */
public record Inventory(Path file, ServerSettings server, List<MachineConfig> machines) {

    public Optional<MachineConfig> machine(String name) {
        return machines.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
