package org.skvmoip.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.api.PowerAction;
import org.skvmoip.server.testrig.ServerRig;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

/**
 * A session that ends under the desktop client (its token revoked, or evicted by the user's
 * 17th login): the windows stop their picture and controls and say why, the main window asks
 * for the password again, and once logged in the machine windows come back working.
 */
@ExtendWith({FxTest.class, GuiRack.class})
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SessionEndGuiTest {

    @TempDir
    Path config;
    private RunningClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    /** The client logged in with sim-0's window showing its picture. */
    private MachineWindow watching(ServerRig rig) throws Exception {
        client = RunningClient.start(rig, config, true, "sim-0");
        MachineWindow window = client.awaitWindow("sim-0");
        RunningClient.await("the first picture", () -> window.surface().showsPicture());
        return window;
    }

    private String clientToken() throws Exception {
        return FxTest.call(() -> client.app.session().orElseThrow().token());
    }

    @Test
    void aRequestRefusedAsAnEndedSessionStopsTheWindowAndAsksToLogInAgain(ServerRig rig) throws Exception {
        MachineWindow window = watching(rig);
        rig.post("/api/logout", clientToken(), "");

        FxTest.run(() -> window.actions().power(PowerAction.ON));

        awaitEnded(window);
        assertThat(loginMessage()).startsWith("Your session ended: ").endsWith("the machine windows come back.");
    }

    @Test
    void seventeenLoginsEndTheFirstClientsSessionAndItSaysWhyWithoutBeingUsed(ServerRig rig) throws Exception {
        MachineWindow window = watching(rig);

        for (int i = 0; i < 16; i++) {
            rig.login();
        }

        // Nothing is clicked: the server's closing of the sockets (4001) is what the client hears.
        awaitEnded(window);
        assertThat(loginMessage()).contains("17 times");
        assertThat(statusOf(window)).contains("17 times").endsWith("log in again in the main window");
    }

    @Test
    void loggingInAgainBringsTheMachineWindowBackWorking(ServerRig rig) throws Exception {
        MachineWindow ended = watching(rig);
        rig.post("/api/logout", clientToken(), "");
        FxTest.run(() -> ended.actions().power(PowerAction.ON));
        awaitEnded(ended);

        FxTest.run(() -> {
            ((PasswordField) client.app.mainWindow().getScene().lookup("#password")).setText(ServerRig.PASSWORD);
            ((Button) client.app.mainWindow().getScene().lookup("#connect")).fire();
        });

        client.awaitWall();
        RunningClient.await("a new window of sim-0", () -> client.app.window("sim-0").isPresent()
                && client.app.window("sim-0").get() != ended);
        MachineWindow back = FxTest.call(() -> client.app.window("sim-0").get());
        RunningClient.await("the new window's picture", () -> back.surface().showsPicture());
        RunningClient.await("control of sim-0 again", () -> ((Label) back.stage().getScene().lookup("#control"))
                .getText().startsWith("you control"));
        assertThat(FxTest.call(() -> ended.stage().isShowing())).as("the ended window, replaced").isFalse();
    }

    /** What a user sees once the session has ended: no picture, grey controls, the login view. */
    private void awaitEnded(MachineWindow window) throws Exception {
        RunningClient.await("the window to say its session ended", window::ended);
        RunningClient.await("the login view in the main window",
                () -> client.app.mainWindow().getScene().getRoot() == client.app.loginView());
        assertThat(FxTest.call(() -> window.surface().showsPicture())).as("a picture shown").isFalse();
        assertThat(FxTest.call(() -> RunningClient.lookup(window.stage(), "power-on").isDisabled()))
                .as("the power button disabled").isTrue();
        assertThat(FxTest.call(() -> client.app.wall())).as("the wall").isNull();
    }

    private String loginMessage() throws Exception {
        return FxTest.call(() -> client.app.loginView().message());
    }

    private static String statusOf(MachineWindow window) throws Exception {
        return FxTest.call(() -> ((Label) window.stage().getScene().lookup("#status")).getText());
    }
}
