package org.skvmoip.client.rack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.skvmoip.server.testrig.ServerRig;

/**
 * A rack (the real server and two simulated machines, {@code sim-0} and {@code sim-1}, plus any
 * video-only machines) shared by every test class that names the same extension: started on first
 * use, closed and deleted when all tests are done. Each subclass is a rack of its own.
 */
public abstract class SharedRack implements ParameterResolver {

    private final String name;
    private final String videoOnlyMachines;

    /** @param videoOnlyMachines inventory YAML list items, or empty */
    protected SharedRack(String name, String videoOnlyMachines) {
        this.name = name;
        this.videoOnlyMachines = videoOnlyMachines;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerRig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(getClass()))
                .getOrComputeIfAbsent("rack", key -> start(), Rack.class).rig;
    }

    private Rack start() {
        try {
            Path dir = Files.createTempDirectory("skvm-" + name);
            return new Rack(dir, ServerRig.start(dir, 2, videoOnlyMachines, ServerRig.EPHEMERAL_PORTS, 0));
        } catch (Exception e) {
            throw new IllegalStateException("the " + name + " did not start", e);
        }
    }

    private record Rack(Path dir, ServerRig rig) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws Exception {
            rig.close();
            deleteTree(dir);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
