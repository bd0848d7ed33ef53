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
 * One rack for every test class of the client: the real server with two simulated machines
 * ({@code sim-0}, {@code sim-1}) and a video-only machine ({@code lab-screen}), started on first
 * use and closed when all tests are done. Tests that power a machine on leave it on; power on is
 * idempotent.
 *
 * <p>The server throttles an address after three failed logins, and every test logs in from
 * 127.0.0.1: tests against this rack fail at most one login each, and throttling is tested on
 * a server of its own.
 */
public final class RackExtension implements ParameterResolver {

    public static final String VIDEO_ONLY = "lab-screen";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerRig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RackExtension.class))
                .getOrComputeIfAbsent("rack", key -> Rack.start(), Rack.class).rig;
    }

    private static final class Rack implements ExtensionContext.Store.CloseableResource {
        final Path dir;
        final ServerRig rig;

        private Rack(Path dir, ServerRig rig) {
            this.dir = dir;
            this.rig = rig;
        }

        static Rack start() {
            try {
                Path dir = Files.createTempDirectory("skvm-client-rack");
                String videoOnly = "  - name: " + VIDEO_ONLY + "\n    source: \"testsrc2=size=320x240:rate=10\"\n"
                        + "    input-format: lavfi\n    fps: 10\n";
                return new Rack(dir, ServerRig.start(dir, 2, videoOnly, ServerRig.EPHEMERAL_PORTS, 0));
            } catch (Exception e) {
                throw new IllegalStateException("the test rack did not start", e);
            }
        }

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
