package org.skvmoip.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration file as loaded: the server's settings, its machines in file order, and the
 * named groups of machines that users can be granted ("group:NAME").
 */
public record Inventory(Path file, ServerSettings server, List<MachineConfig> machines,
        Map<String, List<String>> groups) {

    public Inventory {
        machines = List.copyOf(machines);
        groups = Map.copyOf(groups);
    }

    /** An inventory without groups. */
    public Inventory(Path file, ServerSettings server, List<MachineConfig> machines) {
        this(file, server, machines, Map.of());
    }

    public Optional<MachineConfig> machine(String name) {
        return machines.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
