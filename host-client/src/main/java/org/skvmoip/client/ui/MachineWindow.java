package org.skvmoip.client.ui;

import org.skvmoip.client.api.ControlState;
import org.skvmoip.client.api.MachineState;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.keys.KeyboardCapture;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * One machine in its own window: its screen, with keyboard and mouse going to it while the
 * video has focus; a toolbar (power, keys, paste, screenshot, mouse mode, statistics, full
 * screen); and a status line (who controls the machine, the power LED, what just happened).
 * For a user who may only watch, the screen, screenshot, statistics and full screen only.
 * When the session ends the window stops its picture and controls and says why.
 */
public final class MachineWindow {

    private final Stage stage = new Stage();
    private final String machine;
    private final boolean controls;
    private final MachineLink link;
    private final VideoSurface surface;
    private final KeyboardCapture keyboard;
    private final CapturedKeyboard capturedKeyboard;
    private final PointerInput pointer;
    private final MachineActions actions;
    private final Label control = new Label("connecting...");
    private final Button takeOver = MachineActions.button("take-over", "Take over",
            "Take the keyboard and mouse from whoever controls this machine", this::takeOver);
    private final LedIndicator powerLed = LedIndicator.power();
    private final LedIndicator hddLed = LedIndicator.hdd();
    private final Label status = new Label();
    private final ToggleButton relative = new ToggleButton("Relative mouse");
    private final ToggleButton statistics = new ToggleButton("Statistics");
    private HBox toolbar;
    private boolean ended;
    private boolean stopped;

    /** @param controls the user may control the machine (their role and grant), not only watch it */
    MachineWindow(ServerConnection connection, String machine, String decoderChoice, boolean controls) {
        this.machine = machine;
        this.controls = controls;
        this.link = new MachineLink(connection, machine, controls ? MachineLink.Use.CONTROL : MachineLink.Use.WATCH,
                decoderChoice, new Listener());
        this.surface = new VideoSurface(link.decoder());
        surface.setId("video");
        surface.setFocusTraversable(true);
        this.keyboard = new KeyboardCapture(link::keyboard);
        HostShortcuts shortcuts = new HostShortcuts()
                .on(KeyCode.F, this::toggleFullScreen)
                .on(KeyCode.ESCAPE, this::releasePointer)
                .on(KeyCode.S, () -> statistics.fire());
        this.capturedKeyboard = new CapturedKeyboard(controls ? keyboard : null, shortcuts);
        this.pointer = new PointerInput(surface, new PointerInput.Target() {
            @Override
            public void absolute(int buttons, int x, int y, int wheel, int hwheel) {
                link.mouseAbsolute(buttons, x, y, wheel, hwheel);
            }

            @Override
            public void relative(int buttons, int dx, int dy, int wheel, int hwheel) {
                link.mouseRelative(buttons, dx, dy, wheel, hwheel);
            }
        });
        this.actions = new MachineActions(connection, machine, stage, surface, this::showStatus);
        build();
    }

    private void build() {
        relative.setId("relative");
        relative.setFocusTraversable(false);
        relative.setTooltip(new Tooltip("For BIOSes and OSes without an absolute pointer: click the picture to"
                + " capture the pointer, " + HostShortcuts.describe(KeyCode.ESCAPE) + " to release it"));
        relative.selectedProperty().addListener((property, was, on) -> {
            pointer.setRelative(on);
            showStatus(on ? "relative mouse: click the picture to capture the pointer" : "absolute mouse");
            surface.requestFocus();
        });
        statistics.setId("statistics-toggle");
        statistics.setFocusTraversable(false);
        statistics.setTooltip(new Tooltip("Frame rate, bitrate, decode time and latency ("
                + HostShortcuts.describe(KeyCode.S) + ")"));
        statistics.selectedProperty().addListener((property, was, on) -> {
            surface.showStatistics(on);
            surface.requestFocus();
        });
        Button fullScreen = MachineActions.button("full-screen", "Full screen",
                "Full screen on and off (" + HostShortcuts.describe(KeyCode.F) + ")", this::toggleFullScreen);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbar = controls
                ? new HBox(8, actions.powerButtons(), new Separator(), actions.keyButtons(), new Separator(), relative,
                        statistics, spacer, fullScreen)
                : new HBox(8, actions.screenshotButton(), new Separator(), statistics, spacer, fullScreen);
        toolbar.setPadding(new Insets(4));
        toolbar.setAlignment(Pos.CENTER_LEFT);

        control.setId("control");
        if (!controls) {
            control.setText("you watch " + machine + " (your role may not control it)");
        }
        takeOver.setVisible(false);
        takeOver.managedProperty().bind(takeOver.visibleProperty());
        status.setId("status");
        HBox statusBar = new HBox(8, powerLed, hddLed, control, takeOver, new Separator(), status);
        statusBar.setPadding(new Insets(2, 4, 2, 4));
        statusBar.setAlignment(Pos.CENTER_LEFT);

        BorderPane root = new BorderPane(surface, toolbar, null, statusBar, null);
        stage.setScene(new Scene(root, 1040, 860));
        stage.setTitle(machine + " - SKVMOIP");
        // Esc belongs to the target; full screen ends with the client's own shortcut.
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Leave full screen with " + HostShortcuts.describe(KeyCode.F));
        capturedKeyboard.attach(surface, stage);
        stage.focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                pointer.release();
            }
        });
        pointer.onCaptureChanged(() -> showStatus(pointer.isCaptured()
                ? "pointer captured: " + HostShortcuts.describe(KeyCode.ESCAPE) + " releases it"
                : "pointer released"));
        stage.setOnHidden(event -> stop());
    }

    /** Shows the window, connects and gives the video the keyboard. */
    public void show() {
        surface.start();
        link.start();
        stage.show();
        surface.requestFocus();
    }

    public Stage stage() {
        return stage;
    }

    public String machine() {
        return machine;
    }

    VideoSurface surface() {
        return surface;
    }

    MachineActions actions() {
        return actions;
    }

    private void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
        surface.requestFocus();
    }

    private void releasePointer() {
        pointer.release();
    }

    private void takeOver() {
        link.takeOver();
        surface.requestFocus();
    }

    /**
     * The session ended: the sockets close, the picture goes black and the controls go grey,
     * so nothing pretends to work; the reason stays on the status line.
     */
    void end(String why) {
        if (ended) {
            return;
        }
        ended = true;
        stop();
        surface.clear();
        toolbar.setDisable(true);
        takeOver.setVisible(false);
        control.setText("session ended");
        powerLed.set(false, "unknown");
        hddLed.set(false, "");
        showStatus(why + "; log in again in the main window");
    }

    /** Takes the place and size of {@code other} on the screen (the window it replaces). */
    void placeLike(MachineWindow other) {
        stage.setX(other.stage.getX());
        stage.setY(other.stage.getY());
        stage.setWidth(other.stage.getWidth());
        stage.setHeight(other.stage.getHeight());
    }

    /** Whether the session ended under this window. */
    boolean ended() {
        return ended;
    }

    private void showStatus(String text) {
        status.setText(text);
    }

    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        capturedKeyboard.releaseAll();
        pointer.release();
        surface.stop();
        link.close();
    }

    /** The link's news, on the JavaFX thread. */
    private final class Listener implements MachineLink.Listener {
        @Override
        public void onControl(ControlState state) {
            if (ended) {
                return; // news from before the end, handed over late
            }
            if (state.held()) {
                control.setText("you control " + machine);
                takeOver.setVisible(false);
            } else {
                // Someone else has it: what was held here is released on the target already.
                capturedKeyboard.releaseAll();
                control.setText(state.controller() == null ? "nobody controls " + machine
                        : state.controller() + " controls " + machine + "; you watch");
                takeOver.setVisible(true);
            }
            if (state.error() != null) {
                showStatus(state.error());
            }
        }

        @Override
        public void onInputLost() {
            if (ended) {
                return; // news from before the end, handed over late
            }
            capturedKeyboard.releaseAll();
            control.setText("keyboard and mouse disconnected");
            takeOver.setVisible(false);
        }

        @Override
        public void onMachine(MachineState state) {
            if (ended) {
                return; // news from before the end, handed over late
            }
            powerLed.set(state.power() == MachineState.Power.ON, state.power().wire());
            hddLed.set(state.hdd(), state.hddActivity() + "%");
            if (!state.online() && state.module()) {
                showStatus("module offline" + (state.problem() == null ? "" : ": " + state.problem()));
            }
        }

        @Override
        public void onStatus(String text) {
            if (ended) {
                return; // news from before the end, handed over late
            }
            showStatus(text);
        }
    }
}
