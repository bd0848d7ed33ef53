package org.skvmoip.client.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.skvmoip.client.rack.Waits;
import org.skvmoip.client.trust.FirstUseDecision;
import org.skvmoip.client.trust.KnownServers;
import org.skvmoip.client.trust.ServerTrust;
import org.skvmoip.client.video.HardwareDecoding;
import org.skvmoip.server.testrig.ServerRig;

import javafx.scene.Node;
import javafx.stage.Stage;

/** The desktop client as a user starts it, on the test's display, against a rig's server. */
final class RunningClient {

    final ClientApp app;

    private RunningClient(ClientApp app) {
        this.app = app;
    }

    /**
     * Starts the client with the server's certificate already pinned in {@code config}'s
     * known servers file, logged in (password given) or at the login view (none).
     */
    static RunningClient start(ServerRig rig, Path config, boolean logIn, String machine) throws Exception {
        return start(rig, rig.server.port(), config, logIn, machine);
    }

    /** As {@link #start(ServerRig, Path, boolean, String)}, for {@code user} (whose password is the rig's). */
    static RunningClient start(ServerRig rig, Path config, String user, boolean logIn, String machine)
            throws Exception {
        KnownServers known = new KnownServers(config.resolve("known_servers"));
        known.pin("127.0.0.1:" + rig.server.port(), rig.server.certificate().sha256Fingerprint());
        return start(rig, rig.server.port(), user, known, FirstUseDecision.REFUSE, logIn, machine);
    }

    /** As {@link #start(ServerRig, Path, boolean, String)}, reaching the server through {@code port} (a relay). */
    static RunningClient start(ServerRig rig, int port, Path config, boolean logIn, String machine) throws Exception {
        KnownServers known = new KnownServers(config.resolve("known_servers"));
        known.pin("127.0.0.1:" + port, rig.server.certificate().sha256Fingerprint());
        return start(rig, port, ServerRig.USER, known, FirstUseDecision.REFUSE, logIn, machine);
    }

    static RunningClient start(ServerRig rig, KnownServers known, FirstUseDecision unexpected, boolean logIn,
            String machine) throws Exception {
        return start(rig, rig.server.port(), ServerRig.USER, known, unexpected, logIn, machine);
    }

    private static RunningClient start(ServerRig rig, int port, String user, KnownServers known,
            FirstUseDecision unexpected, boolean logIn, String machine) throws Exception {
        ClientApp.Options options = new ClientApp.Options("https://127.0.0.1:" + port, user,
                logIn ? Optional.of(ServerRig.PASSWORD.toCharArray()) : Optional.empty(), Optional.ofNullable(machine),
                HardwareDecoding.SOFTWARE);
        ClientApp app = FxTest.call(() -> {
            ClientApp started = new ClientApp(new Stage(), options, owner -> ServerTrust.pinned(known,
                    unexpected == FirstUseDecision.REFUSE ? TrustDialogs.firstUse(owner) : unexpected));
            started.start();
            return started;
        });
        return new RunningClient(app);
    }

    /** The wall, once logged in. */
    WallView awaitWall() throws Exception {
        await("the wall after logging in", () -> app.wall() != null);
        return FxTest.call(app::wall);
    }

    MachineWindow awaitWindow(String machine) throws Exception {
        await("the window of " + machine, () -> app.window(machine).isPresent());
        return FxTest.call(() -> app.window(machine).get());
    }

    static Node lookup(Stage stage, String id) throws Exception {
        Node node = FxTest.call(() -> stage.getScene().lookup("#" + id));
        if (node == null) {
            throw new AssertionError("no node #" + id + " in " + stage.getTitle());
        }
        return node;
    }

    /** Waits (bounded) until {@code condition}, evaluated on the JavaFX thread, holds. */
    static void await(String what, Callable<Boolean> condition) throws InterruptedException {
        Waits.until(what, () -> {
            try {
                return FxTest.call(condition);
            } catch (Exception e) {
                return false;
            }
        });
    }

    static final Duration WAIT = Waits.WAIT;

    void close() throws Exception {
        FxTest.run(() -> app.mainWindow().close());
    }
}
