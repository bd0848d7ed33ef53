package org.skvmoip.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.rack.RackUsers;
import org.skvmoip.server.auth.LoginThrottle;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.auth.totp.Enrollment;
import org.skvmoip.server.testrig.ServerRig;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * The login view against the real server: the second factor's field appears when the server asks
 * for it and the password stays; what was wrong (code, password, throttled and for how long) is
 * said plainly. Each test has its own user: a code opens one login, and failures are counted per user.
 */
@ExtendWith({FxTest.class, GuiRack.class})
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LoginGuiTest {

    @TempDir
    Path config;
    private RunningClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private Scene atLogin(ServerRig rig, String user) throws Exception {
        client = RunningClient.start(rig, config, user, false, null);
        return FxTest.call(() -> client.app.mainWindow().getScene());
    }

    private void connect(Scene scene, String password, String code) throws Exception {
        String before = message();
        FxTest.run(() -> {
            if (password != null) {
                ((PasswordField) scene.lookup("#password")).setText(password);
            }
            if (code != null) {
                ((TextField) scene.lookup("#otp")).setText(code);
            }
            ((Button) scene.lookup("#connect")).fire();
        });
        RunningClient.await("the server's answer", () -> client.app.wall() != null
                || !message().equals(before) && !message().startsWith("connecting"));
    }

    private String message() throws Exception {
        return FxTest.call(() -> client.app.loginView().message());
    }

    private static boolean shown(Scene scene, String id) throws Exception {
        return FxTest.call(() -> scene.lookup("#" + id).isVisible());
    }

    private static String text(Scene scene, String id) throws Exception {
        return FxTest.call(() -> ((TextField) scene.lookup("#" + id)).getText());
    }

    @Test
    void theCodeFieldAppearsWhenTheServerAsksAndThePasswordStays(ServerRig rig) throws Exception {
        RackUsers.add(rig, "gui-totp", Role.OPERATOR, "*");
        Enrollment enrollment = RackUsers.enrol(rig, "gui-totp");
        Scene scene = atLogin(rig, "gui-totp");
        assertThat(shown(scene, "otp")).as("the code field before the server asks").isFalse();

        connect(scene, ServerRig.PASSWORD, null);

        assertThat(message()).isEqualTo("gui-totp has a second factor: enter the code from your authenticator app"
                + " (or a recovery code)");
        assertThat(shown(scene, "otp")).isTrue();
        assertThat(text(scene, "password")).isEqualTo(ServerRig.PASSWORD);
        assertThat(text(scene, "user")).isEqualTo("gui-totp");

        connect(scene, null, RackUsers.codeNow(enrollment));

        client.awaitWall();
        assertThat(FxTest.call(() -> ((TextField) client.app.loginView().lookup("#password")).getText()))
                .as("the password once logged in").isEmpty();
    }

    @Test
    void aWrongCodeIsSaidToBeTheCodeAndKeepsThePassword(ServerRig rig) throws Exception {
        RackUsers.add(rig, "gui-wrong-code", Role.OPERATOR, "*");
        Enrollment enrollment = RackUsers.enrol(rig, "gui-wrong-code");
        Scene scene = atLogin(rig, "gui-wrong-code");
        connect(scene, ServerRig.PASSWORD, null);

        connect(scene, null, RackUsers.codeNow(enrollment).equals("123456") ? "654321" : "123456");

        assertThat(message()).startsWith("wrong, expired or already used second factor code: enter the code your"
                + " authenticator app shows now");
        assertThat(shown(scene, "otp")).isTrue();
        assertThat(text(scene, "otp")).isEmpty();
        assertThat(text(scene, "password")).isEqualTo(ServerRig.PASSWORD);
    }

    @Test
    void aWrongPasswordIsSaidToBeThePasswordAndClearsIt(ServerRig rig) throws Exception {
        RackUsers.add(rig, "gui-wrong-password", Role.OPERATOR, "*");
        Scene scene = atLogin(rig, "gui-wrong-password");

        connect(scene, "not the password", null);

        assertThat(message()).isEqualTo("wrong user name or password");
        assertThat(text(scene, "password")).isEmpty();
        assertThat(shown(scene, "otp")).isFalse();
    }

    @Test
    void aThrottledLoginSaysHowLongToWaitAndKeepsThePassword(ServerRig rig) throws Exception {
        RackUsers.add(rig, "gui-throttled", Role.OPERATOR, "*");
        Scene scene = atLogin(rig, "gui-throttled");
        // The free failures, then failures each past the wait the one before set (1, 2, 4 s): 8 s to
        // wait now, ample for the click below even on a loaded machine.
        for (int failure = 1; failure <= LoginThrottle.FREE_FAILURES + 4; failure++) {
            while (rig.post("/api/login", null, "{\"user\":\"gui-throttled\",\"password\":\"wrong\"}")
                    .statusCode() == 429) {
                Thread.sleep(200);
            }
        }

        connect(scene, ServerRig.PASSWORD, null);

        assertThat(message()).startsWith("too many failed logins").containsPattern("try again in \\d+ s");
        assertThat(text(scene, "password")).isEqualTo(ServerRig.PASSWORD);
    }
}
