package org.skvmoip.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.api.ControlState;
import org.skvmoip.client.api.InputChannel;
import org.skvmoip.client.api.PowerAction;
import org.skvmoip.client.api.ServerAddress;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.rack.Waits;
import org.skvmoip.client.trust.FirstUseDecision;
import org.skvmoip.client.trust.KnownServers;
import org.skvmoip.client.trust.ServerTrust;
import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.machine.PowerState;
import org.skvmoip.sim.machine.ScreenLayout;
import org.skvmoip.sim.machine.ScreenTextReader;
import org.skvmoip.sim.machine.VirtualTarget;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A machine window used as a person uses it, with the robot's real key and mouse events, against
 * the real server and a simulated machine: what is typed and clicked reaches the target, what the
 * target shows appears in the window, the buttons press the target's buttons.
 */
@ExtendWith({FxTest.class, GuiRack.class})
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MachineWindowGuiTest {

    private static final String SIM_0 = ServerRig.name(0);
    private static final String SIM_1 = ServerRig.name(1);

    @TempDir
    Path config;
    private RunningClient client;
    private Robot robot;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    /** The client logged in with {@code machine}'s window open, the machine on, its keyboard ours. */
    private MachineWindow open(ServerRig rig, int machine) throws Exception {
        ServerConnection api = api(rig);
        api.power(ServerRig.name(machine), PowerAction.ON);
        Waits.running(rig, machine);
        client = RunningClient.start(rig, config, true, ServerRig.name(machine));
        MachineWindow window = client.awaitWindow(ServerRig.name(machine));
        RunningClient.await("control of " + window.machine(),
                () -> ((Label) window.stage().getScene().lookup("#control")).getText().startsWith("you control"));
        RunningClient.await("the first picture", () -> window.surface().image().image() != null);
        focus(window);
        return window;
    }

    /** Gives the window's video the keyboard, as a click on it would. */
    private void focus(MachineWindow window) throws Exception {
        robot = FxTest.call(Robot::new);
        FxTest.run(() -> {
            window.stage().toFront();
            window.stage().requestFocus();
            window.surface().requestFocus();
        });
        RunningClient.await("the window's focus", () -> window.stage().isFocused() && window.surface().isFocused());
    }

    private static ServerConnection api(ServerRig rig) throws Exception {
        ServerConnection api = new ServerConnection(ServerAddress.parse(rig.server.url()),
                ServerTrust.certificateAuthority(rig.server.certificateFile()));
        api.login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());
        return api;
    }

    @Test
    void typedKeysAppearOnTheTargetsConsoleAndInTheVideo(ServerRig rig) throws Exception {
        MachineWindow window = open(rig, 0);
        VirtualTarget target = rig.modules.get(0).target();

        typeLine(target, "echo kvm7!");

        awaitScreenText(window, "echo kvm7!");
    }

    @Test
    void aClickLandsOnThePixelClickedAndTheWheelTurnsInAbsoluteMode(ServerRig rig) throws Exception {
        MachineWindow window = open(rig, 0);
        VirtualTarget target = rig.modules.get(0).target();

        for (int[] pixel : List.of(new int[] {300, 200}, new int[] {1000, 700}, new int[] {17, 751})) {
            Point2D onScreen = screenPoint(window, pixel[0], pixel[1]);
            FxTest.run(() -> robot.mouseMove(onScreen));
            Waits.until("the pointer at " + pixel[0] + "," + pixel[1],
                    () -> target.pointerX() == pixel[0] && target.pointerY() == pixel[1],
                    () -> "pointer at " + target.pointerX() + "," + target.pointerY());
        }
        FxTest.run(() -> robot.mousePress(MouseButton.PRIMARY));
        Waits.until("the left button down", () -> target.pointerButtons() == 1);
        FxTest.run(() -> robot.mouseRelease(MouseButton.PRIMARY));
        Waits.until("the left button up", () -> target.pointerButtons() == 0);
        assertThat(target.pointerX()).isEqualTo(17);

        long wheel = target.wheelTotal();
        FxTest.run(() -> robot.mouseWheel(-3)); // three notches up, away from the user: HID's positive
        Waits.until("three wheel notches up", () -> target.wheelTotal() == wheel + 3,
                () -> "wheel moved by " + (target.wheelTotal() - wheel));
    }

    @Test
    void inRelativeModeTheCapturedPointerMovesTheTargetsPointerByTheMotion(ServerRig rig) throws Exception {
        MachineWindow window = open(rig, 0);
        VirtualTarget target = rig.modules.get(0).target();
        // Away from the edges first (absolute), so that no motion below is cut short by one.
        Point2D middle = screenPoint(window, 512, 384);
        FxTest.run(() -> robot.mouseMove(middle));
        Waits.until("the pointer in the middle", () -> target.pointerX() == 512 && target.pointerY() == 384);
        FxTest.run(() -> ((ButtonBase) window.stage().getScene().lookup("#relative")).fire());
        Point2D centre = FxTest.call(() -> window.surface().localToScreen(window.surface().getWidth() / 2,
                window.surface().getHeight() / 2));

        FxTest.run(() -> {
            robot.mouseMove(centre);
            robot.mouseClick(MouseButton.PRIMARY);
        });
        FxTest.settle();
        int startX = target.pointerX();
        int startY = target.pointerY();
        FxTest.run(() -> robot.mouseMove(centre.add(40, 25)));
        Waits.until("the pointer 40 right and 25 down", () -> target.pointerX() == startX + 40
                && target.pointerY() == startY + 25, () -> "moved by " + (target.pointerX() - startX) + ","
                        + (target.pointerY() - startY));
        FxTest.run(() -> robot.mouseMove(centre.add(-10, 0)));
        Waits.until("the pointer 10 back left", () -> target.pointerX() == startX + 30,
                () -> "at " + (target.pointerX() - startX));

        chord(KeyCode.ESCAPE);
        RunningClient.await("the capture released", () -> window.surface().getCursor() != javafx.scene.Cursor.NONE);
    }

    @Test
    void powerButtonsPressTheTargetsButtonsAndTheLedFollows(ServerRig rig) throws Exception {
        ServerConnection api = api(rig);
        api.power(SIM_1, PowerAction.ON);
        VirtualTarget target = rig.modules.get(1).target();
        Waits.running(rig, 1);
        client = RunningClient.start(rig, config, true, SIM_1);
        MachineWindow window = client.awaitWindow(SIM_1);
        RunningClient.await("the power LED lit", () -> ((LedIndicator) window.stage().getScene().lookup("#power-led")).isOn());

        click(window, "power-off");
        Waits.until("the target off", () -> target.state() == PowerState.OFF, () -> "state " + target.state());
        RunningClient.await("the power LED dark", () -> !((LedIndicator) window.stage().getScene().lookup("#power-led")).isOn());

        click(window, "power-on");
        Waits.until("the target booting", () -> target.state() != PowerState.OFF);
        RunningClient.await("the power LED lit again",
                () -> ((LedIndicator) window.stage().getScene().lookup("#power-led")).isOn());
    }

    @Test
    void forceOffAsksFirstAndCancelPressesNothing(ServerRig rig) throws Exception {
        ServerConnection api = api(rig);
        api.power(SIM_1, PowerAction.ON);
        Waits.running(rig, 1);
        VirtualTarget target = rig.modules.get(1).target();
        long changes = target.stateChanges();
        client = RunningClient.start(rig, config, true, SIM_1);
        MachineWindow window = client.awaitWindow(SIM_1);

        Platform.runLater(() -> ((ButtonBase) window.stage().getScene().lookup("#force-off")).fire());
        DialogPane dialog = awaitDialog("confirm-force-off");
        FxTest.run(() -> ((ButtonBase) dialog.lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire());

        RunningClient.await("the cancel reported", () -> ((Label) window.stage().getScene().lookup("#status")).getText()
                .contains("cancelled"));
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
        assertThat(target.stateChanges()).isEqualTo(changes);

        Platform.runLater(() -> ((ButtonBase) window.stage().getScene().lookup("#force-off")).fire());
        DialogPane again = awaitDialog("confirm-force-off");
        FxTest.run(() -> again.getButtonTypes().stream().filter(type -> type.getText().equals("Force off")).findFirst()
                .map(again::lookupButton).map(ButtonBase.class::cast).orElseThrow().fire());
        Waits.until("the target forced off", () -> target.state() == PowerState.OFF, () -> "state " + target.state());
    }

    @Test
    void whenSomeoneElseControlsTheMachineTakeOverTakesItFromThem(ServerRig rig) throws Exception {
        ServerConnection api = api(rig);
        java.util.concurrent.BlockingQueue<ControlState> theirs = new java.util.concurrent.LinkedBlockingQueue<>();
        try (InputChannel other = api.openInput(SIM_1, theirs::add)) {
            other.claim();
            Waits.next(theirs, "their control", ControlState::held);
            client = RunningClient.start(rig, config, true, SIM_1);
            MachineWindow window = client.awaitWindow(SIM_1);
            Node takeOver = RunningClient.lookup(window.stage(), "take-over");
            RunningClient.await("the take-over button", takeOver::isVisible);
            assertThat(FxTest.call(() -> ((Label) window.stage().getScene().lookup("#control")).getText()))
                    .isEqualTo(ServerRig.USER + " controls " + SIM_1 + "; you watch");

            FxTest.run(((ButtonBase) takeOver)::fire);

            RunningClient.await("control taken",
                    () -> ((Label) window.stage().getScene().lookup("#control")).getText().startsWith("you control"));
            Waits.next(theirs, "their loss of control", state -> !state.held());
        }
    }

    @Test
    void keysHeldWhenTheWindowLosesFocusAreLetGoOnTheTarget(ServerRig rig) throws Exception {
        MachineWindow window = open(rig, 0);
        VirtualTarget target = rig.modules.get(0).target();
        typeLine(target, "");
        FxTest.run(() -> robot.keyPress(KeyCode.SHIFT));
        FxTest.settle();

        Stage other = FxTest.call(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Pane(), 200, 100));
            stage.show();
            stage.requestFocus();
            return stage;
        });
        RunningClient.await("the machine window's focus lost", () -> !window.stage().isFocused());
        FxTest.run(() -> robot.keyRelease(KeyCode.SHIFT)); // reaches the other window only
        FxTest.run(other::close);
        FxTest.run(() -> window.stage().requestFocus());
        RunningClient.await("the machine window's focus back", () -> window.stage().isFocused());
        type(KeyCode.Q);

        Waits.until("q typed", () -> lastLine(target).endsWith("q") || lastLine(target).endsWith("Q"));
        assertThat(lastLine(target)).as("Shift was let go on the target").endsWith("> q");
    }

    @Test
    void pasteTypesTheClipboardAndScreenshotSavesThePictureShown(ServerRig rig) throws Exception {
        MachineWindow window = open(rig, 0);
        VirtualTarget target = rig.modules.get(0).target();
        FxTest.run(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("\necho pasted-42\n");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });

        click(window, "paste");
        Waits.until("the pasted line", () -> target.consoleText().contains("echo pasted-42"), target::consoleText);
        awaitScreenText(window, "echo pasted-42");
        Path file = config.resolve("shots/sim-0.png");
        FxTest.run(() -> window.actions().screenshotTo(file));

        assertThat(file).exists();
        BufferedImage saved = ImageIO.read(file.toFile());
        assertThat(saved.getWidth()).isEqualTo(ScreenLayout.WIDTH);
        assertThat(ScreenTextReader.readText(saved)).contains("echo pasted-42");
    }

    @Test
    void theStatisticsOverlayShowsRatesAndTheDecoder(ServerRig rig) throws Exception {
        MachineWindow window = open(rig, 0);
        Label statistics = (Label) RunningClient.lookup(window.stage(), "statistics");

        chord(KeyCode.S);

        RunningClient.await("statistics shown", () -> statistics.isVisible() && statistics.getText().contains("fps"));
        assertThat(FxTest.call(statistics::getText)).contains("1024x768").contains("kbit/s").contains("latency")
                .contains("software");
    }

    @Test
    void ctrlAltDelFromTheToolbarIsPressedOnTheMachine(ServerRig rig) throws Exception {
        MachineWindow window = open(rig, 0);

        click(window, "ctrl-alt-del");

        RunningClient.await("the combo pressed",
                () -> ((Label) window.stage().getScene().lookup("#status")).getText().equals("pressed ctrl+alt+delete"));
    }

    @Test
    void aNewServerIsShownWithItsFingerprintAndTrustedOnlyWhenAccepted(ServerRig rig) throws Exception {
        KnownServers known = new KnownServers(config.resolve("known_servers"));
        client = RunningClient.start(rig, known, FirstUseDecision.REFUSE, true, null);

        DialogPane dialog = awaitDialog("trust-dialog");
        String shown = FxTest.call(() -> ((javafx.scene.control.TextArea) dialog.lookup("#fingerprint")).getText());
        assertThat(shown).isEqualTo(rig.server.certificate().sha256Fingerprint());
        FxTest.run(() -> ((ButtonBase) dialog.lookup("#trust-accept")).fire());

        client.awaitWall();
        assertThat(known.fingerprint("127.0.0.1:" + rig.server.port())).contains(shown);
        assertThat(Files.readString(known.file())).contains(shown);
    }

    @Test
    void afterTheNetworkDropsTheWindowReconnectsByItselfAndControlsTheMachineAgain(ServerRig rig) throws Exception {
        api(rig).power(SIM_0, PowerAction.ON);
        Waits.running(rig, 0);
        VirtualTarget target = rig.modules.get(0).target();
        try (DroppingProxy proxy = new DroppingProxy(rig.server.port())) {
            client = RunningClient.start(rig, proxy.port(), config, true, SIM_0);
            MachineWindow window = client.awaitWindow(SIM_0);
            Label control = (Label) RunningClient.lookup(window.stage(), "control");
            RunningClient.await("control", () -> control.getText().startsWith("you control"));
            RunningClient.await("the first picture", () -> window.surface().image().image() != null);

            proxy.dropAll();

            RunningClient.await("the drop noticed", () -> control.getText().equals("keyboard and mouse disconnected"));
            RunningClient.await("control again", () -> control.getText().startsWith("you control"));
            long before = window.surface().picturesShown();
            Waits.until("pictures again", () -> window.surface().picturesShown() > before + 3);
            focus(window);
            typeLine(target, "recon");
        }
    }

    // ---- helpers ----

    /**
     * Starts a new console line and types {@code text} on it with the robot, one key at a time,
     * each once the one before shows on the target's console: as a person types, rather than
     * faster than the simulated USB host polls.
     */
    private void typeLine(VirtualTarget target, String text) throws Exception {
        type(KeyCode.ENTER);
        Waits.until("a new prompt", () -> lastLine(target).equals(">"), target::consoleText);
        StringBuilder line = new StringBuilder("> ");
        for (char c : text.toCharArray()) {
            boolean shifted = c == '!';
            KeyCode key = c == ' ' ? KeyCode.SPACE : c == '!' ? KeyCode.DIGIT1 : Character.isDigit(c)
                    ? KeyCode.valueOf("DIGIT" + c) : KeyCode.valueOf(String.valueOf(Character.toUpperCase(c)));
            if (shifted) {
                FxTest.run(() -> robot.keyPress(KeyCode.SHIFT));
            }
            type(key);
            if (shifted) {
                FxTest.run(() -> robot.keyRelease(KeyCode.SHIFT));
            }
            line.append(c);
            String expected = line.toString().stripTrailing();
            Waits.until("'" + c + "' typed", () -> lastLine(target).equals(expected), target::consoleText);
        }
    }

    private void type(KeyCode... keys) throws Exception {
        for (KeyCode key : keys) {
            FxTest.run(() -> {
                robot.keyPress(key);
                robot.keyRelease(key);
            });
        }
        FxTest.settle();
    }

    /** Ctrl+Alt+Shift with {@code key}: the client's own shortcuts. */
    private void chord(KeyCode key) throws Exception {
        FxTest.run(() -> {
            robot.keyPress(KeyCode.CONTROL);
            robot.keyPress(KeyCode.ALT);
            robot.keyPress(KeyCode.SHIFT);
            robot.keyPress(key);
            robot.keyRelease(key);
            robot.keyRelease(KeyCode.SHIFT);
            robot.keyRelease(KeyCode.ALT);
            robot.keyRelease(KeyCode.CONTROL);
        });
        FxTest.settle();
    }

    private static void click(MachineWindow window, String id) throws Exception {
        ButtonBase button = (ButtonBase) RunningClient.lookup(window.stage(), id);
        FxTest.run(button::fire);
    }

    /**
     * A whole screen pixel (the robot moves to whole pixels) inside the area where target pixel
     * (x, y) is drawn: the first one at or after that area's top-left corner.
     */
    private static Point2D screenPoint(MachineWindow window, int x, int y) throws Exception {
        return FxTest.call(() -> {
            PictureArea area = window.surface().pictureArea();
            double scale = area.width() / area.pictureWidth();
            assertThat(scale).as("the picture is drawn at least at its own size").isGreaterThanOrEqualTo(1);
            Point2D corner = window.surface().localToScreen(area.left() + x * scale, area.top() + y * scale);
            return new Point2D(Math.ceil(corner.getX()), Math.ceil(corner.getY()));
        });
    }

    private static void awaitScreenText(MachineWindow window, String text) throws InterruptedException {
        String[] seen = {""};
        Waits.until("'" + text + "' in the video", () -> {
            try {
                seen[0] = ScreenTextReader.readText(ViewPixels.screenOf(window.surface()));
                return seen[0].contains(text);
            } catch (Exception e) {
                return false;
            }
        }, () -> "the view reads:\n" + seen[0]);
    }

    private static DialogPane awaitDialog(String id) throws Exception {
        DialogPane[] found = new DialogPane[1];
        RunningClient.await("dialog #" + id, () -> {
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null && window.getScene().getRoot() instanceof DialogPane pane
                        && id.equals(pane.getId()) && window.isShowing()) {
                    found[0] = pane;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String lastLine(VirtualTarget target) {
        String[] lines = target.consoleText().stripTrailing().split("\n");
        return lines[lines.length - 1].stripTrailing();
    }
}
