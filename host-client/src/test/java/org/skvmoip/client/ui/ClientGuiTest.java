package org.skvmoip.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.rack.Waits;
import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.machine.ScreenTextReader;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The client started as a user starts it, logged in to a real server with a simulated rack. */
@ExtendWith({FxTest.class, GuiRack.class})
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientGuiTest {

    @TempDir
    Path config;
    private RunningClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void loggedInTheWallShowsEveryMachineOnlineWithALiveThumbnail(ServerRig rig) throws Exception {
        client = RunningClient.start(rig, config, true, null);
        WallView wall = client.awaitWall();

        for (int i = 0; i < 2; i++) {
            String name = ServerRig.name(i);
            RunningClient.await(name + " online on the wall", () -> wall.tile(name) != null
                    && "online".equals(((Label) wall.lookup("#online-" + name)).getText()));
            RunningClient.await(name + "'s thumbnail", () -> wall.tile(name).hasPicture());
        }
    }

    @Test
    void searchShowsOnlyTheMachinesWhoseNameMatches(ServerRig rig) throws Exception {
        client = RunningClient.start(rig, config, true, null);
        WallView wall = client.awaitWall();
        RunningClient.await("both tiles", () -> wall.tile("sim-0") != null && wall.tile("sim-1") != null);

        FxTest.run(() -> ((TextField) wall.lookup("#search")).setText("M-1"));

        assertThat(FxTest.call(() -> wall.tile("sim-0").isVisible())).isFalse();
        assertThat(FxTest.call(() -> wall.tile("sim-1").isVisible())).isTrue();
    }

    @Test
    void theMachineViewShowsTheTargetsScreen(ServerRig rig) throws Exception {
        client = RunningClient.start(rig, config, true, "sim-0");
        MachineWindow window = client.awaitWindow("sim-0");
        RunningClient.lookup(window.stage(), "power-on");
        FxTest.run(() -> window.actions().power(org.skvmoip.client.api.PowerAction.ON));
        Waits.running(rig, 0);

        String[] expected = new String[1];
        Waits.until("the view to show the target's console", () -> {
            try {
                expected[0] = rig.modules.get(0).target().consoleText();
                return ScreenTextReader.readText(ViewPixels.screenOf(window.surface())).equals(expected[0]);
            } catch (Exception e) {
                return false;
            }
        }, () -> {
            try {
                return "view reads:\n" + ScreenTextReader.readText(ViewPixels.screenOf(window.surface()))
                        + "\ntarget:\n" + expected[0];
            } catch (Exception e) {
                return e.toString();
            }
        });
    }
}
