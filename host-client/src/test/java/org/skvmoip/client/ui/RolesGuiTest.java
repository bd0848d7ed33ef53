package org.skvmoip.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.api.PowerAction;
import org.skvmoip.client.rack.RackUsers;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.testrig.ServerRig;

import com.fasterxml.jackson.databind.JsonNode;

import javafx.scene.control.Label;

/**
 * A viewer in the desktop client, against the real server: the wall shows only the machines
 * granted, a machine's window offers what a viewer may do and nothing else, and a refusal shows
 * the server's sentence.
 */
@ExtendWith({FxTest.class, GuiRack.class})
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RolesGuiTest {

    private static final String VIEWER = "gui-viewer";

    @TempDir
    Path config;
    private RunningClient client;

    @BeforeEach
    void viewer(ServerRig rig) throws Exception {
        RackUsers.add(rig, VIEWER, Role.VIEWER, "sim-1");
    }

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private MachineWindow watching(ServerRig rig) throws Exception {
        client = RunningClient.start(rig, config, VIEWER, true, "sim-1");
        MachineWindow window = client.awaitWindow("sim-1");
        RunningClient.await("the first picture", () -> window.surface().showsPicture());
        return window;
    }

    @Test
    void theWallShowsOnlyTheMachinesGrantedAndThatTheyAreViewOnly(ServerRig rig) throws Exception {
        client = RunningClient.start(rig, config, VIEWER, true, null);
        WallView wall = client.awaitWall();

        RunningClient.await("the machines listed", () -> "1 machines".equals(
                ((Label) wall.lookup("#wall-status")).getText()));
        assertThat(FxTest.call(() -> wall.tile("sim-0"))).as("the machine not granted").isNull();
        assertThat(FxTest.call(() -> ((Label) wall.lookup("#online-sim-1")).getText())).endsWith(", view only");
        assertThat(FxTest.call(() -> client.app.mainWindow().getTitle())).endsWith("(" + VIEWER + ", viewer)");
    }

    @Test
    void aViewersWindowShowsThePictureWithoutPowerKeysPasteOrTakeOver(ServerRig rig) throws Exception {
        MachineWindow window = watching(rig);

        for (String control : new String[] {"power-on", "power-off", "reset", "force-off", "ctrl-alt-del", "combos",
            "paste", "relative"}) {
            assertThat(FxTest.call(() -> window.stage().getScene().lookup("#" + control))).as(control).isNull();
        }
        assertThat(RunningClient.lookup(window.stage(), "screenshot")).isNotNull();
        assertThat(FxTest.call(() -> RunningClient.lookup(window.stage(), "take-over").isVisible())).isFalse();
        assertThat(FxTest.call(() -> ((Label) window.stage().getScene().lookup("#control")).getText()))
                .startsWith("you watch sim-1");
        JsonNode controller = ServerRig.json(rig.get("/api/machines/sim-1", rig.login()).body()).get("controller");
        assertThat(controller == null || controller.isNull()).as("the keyboard and mouse not claimed: " + controller)
                .isTrue();
    }

    @Test
    void aRefusalShowsTheServersSentence(ServerRig rig) throws Exception {
        MachineWindow window = watching(rig);

        FxTest.run(() -> window.actions().power(PowerAction.ON));

        RunningClient.await("the refusal on the status line", () -> ((Label) window.stage().getScene()
                .lookup("#status")).getText().startsWith("on failed: " + VIEWER + " is a viewer of 'sim-1': "));
    }
}
