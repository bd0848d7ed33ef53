package org.skvmoip.client.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.skvmoip.client.rack.RackExtension;
import org.skvmoip.server.testrig.ServerRig;

/**
 * The GUI tests' own rack (the real server and two simulated machines), apart from the API
 * tests' rack because these tests turn machines off and hold their keyboards. Started on first
 * use, closed when all tests are done.
 */
public final class GuiRack implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerRig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(GuiRack.class))
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
                Path dir = Files.createTempDirectory("skvm-gui-rack");
                return new Rack(dir, ServerRig.start(dir, 2, "", ServerRig.EPHEMERAL_PORTS, 0));
            } catch (Exception e) {
                throw new IllegalStateException("the GUI tests' rack did not start", e);
            }
        }

        @Override
        public void close() throws Exception {
            rig.close();
            RackExtension.deleteTree(dir);
        }
    }
}
