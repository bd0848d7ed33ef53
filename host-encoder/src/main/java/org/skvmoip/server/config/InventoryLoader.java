package org.skvmoip.server.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.skvmoip.protocol.Protocol;

/**
 * Reads the inventory file (docs/configuration.md): the server's settings, its machines and the
 * groups of machines users can be granted.
 * Every problem is a ConfigException naming the file, the line and the field, such as
 * {@code rack.yaml:12: machines[1].fps: must be between 1 and 240, was 0}; unknown keys are
 * errors too, with a "did you mean" for near misses. Relative paths are taken from the
 * inventory file's directory.
 */
public final class InventoryLoader {

    public static final int DEFAULT_FPS = 30;
    public static final int MAX_FPS = 240;
    /** 16K: beyond any capture device, small enough that width * height * 4 fits an int. */
    public static final int MAX_DIMENSION = 16_384;

    private InventoryLoader() {
    }

    public static Inventory load(Path file) throws IOException, ConfigException {
        YamlMapping root = YamlMapping.read(file)
                .orElseThrow(() -> new ConfigException(file, 0, "", "no such file; docs/configuration.md has an example"));
        Path baseDir = file.toAbsolutePath().getParent();
        ServerSettings server = ServerSection.read(root.mapping("server"), baseDir);
        List<MachineConfig> machines = machines(root, server.encoderDefaults());
        Map<String, List<String>> groups = groups(root, machines);
        root.rejectUnknownKeys();
        return new Inventory(file, server, machines, groups);
    }

    /** {@code groups: {lab: [web-01, web-02]}}: each a name and the machines in it, all of them in the inventory. */
    private static Map<String, List<String>> groups(YamlMapping root, List<MachineConfig> machines)
            throws ConfigException {
        Optional<YamlMapping> section = root.mapping("groups");
        if (section.isEmpty()) {
            return Map.of();
        }
        List<String> names = machines.stream().map(MachineConfig::name).toList();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String group : section.get().keys()) {
            Optional<String> problem = Names.problem(group);
            if (problem.isPresent()) {
                throw section.get().error(group, problem.get());
            }
            List<String> members = section.get().strings(group);
            for (String member : members) {
                if (!names.contains(member)) {
                    throw section.get().error(group, "no machine named \"" + member + "\" in this file"
                            + YamlMapping.hint(member, names));
                }
            }
            groups.put(group, List.copyOf(members));
        }
        section.get().rejectUnknownKeys();
        return groups;
    }

    private static List<MachineConfig> machines(YamlMapping root, EncoderSettings defaults) throws ConfigException {
        List<MachineConfig> machines = new ArrayList<>();
        Map<String, YamlMapping> byName = new HashMap<>();
        List<YamlMapping> sections = root.mappings("machines");
        for (int i = 0; i < sections.size(); i++) {
            YamlMapping section = sections.get(i);
            MachineConfig machine = machine(section, defaults);
            YamlMapping first = byName.putIfAbsent(machine.name(), section);
            if (first != null) {
                throw section.error("name", "\"" + machine.name() + "\" is used twice (first on line " + first.line()
                        + "); machine names must be unique");
            }
            machines.add(machine);
        }
        return List.copyOf(machines);
    }

    private static MachineConfig machine(YamlMapping section, EncoderSettings defaults) throws ConfigException {
        String name = section.requiredString("name");
        Optional<String> nameProblem = Names.problem(name);
        if (nameProblem.isPresent()) {
            throw section.error("name", nameProblem.get());
        }
        String source = section.requiredString("source");
        if (source.isBlank()) {
            throw section.error("source", "needs a value: a capture device such as /dev/video0, or a URL");
        }
        String inputFormat = section.string("input-format", "");
        Optional<Integer> width = section.integer("width", 1, MAX_DIMENSION);
        Optional<Integer> height = section.integer("height", 1, MAX_DIMENSION);
        if (width.isPresent() != height.isPresent()) {
            throw section.error(width.isPresent() ? "width" : "height",
                    "width and height go together: give both, or neither for the source's own size");
        }
        int fps = section.integer("fps", 1, MAX_FPS, DEFAULT_FPS);
        String pixelFormat = section.string("pixel-format", "");
        Optional<ModuleAddress> module = Optional.empty();
        Optional<String> address = section.string("module");
        if (address.isPresent()) {
            try {
                module = Optional.of(Addresses.parse(address.get(), Protocol.CONTROL_TCP_PORT));
            } catch (IllegalArgumentException e) {
                throw section.error("module", e.getMessage());
            }
        }
        EncoderSettings encoder = ServerSection.encoder(section, defaults);
        section.rejectUnknownKeys();
        return new MachineConfig(name, source, inputFormat, width.orElse(0), height.orElse(0), fps, pixelFormat, module,
                encoder);
    }
}
