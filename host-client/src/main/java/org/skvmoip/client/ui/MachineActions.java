package org.skvmoip.client.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.skvmoip.client.api.ImageFormat;
import org.skvmoip.client.api.PowerAction;
import org.skvmoip.client.api.ServerConnection;

import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The machine window's toolbar actions that go through the server's REST API: power, key
 * combos, paste as keystrokes, screenshot. Each runs in the background and reports on the
 * status line; the ones that can lose work (reset, force off) ask first.
 */
final class MachineActions {

    private final ServerConnection connection;
    private final String machine;
    private final Window owner;
    private final Consumer<String> status;
    private final VideoSurface surface;

    MachineActions(ServerConnection connection, String machine, Window owner, VideoSurface surface,
            Consumer<String> status) {
        this.connection = connection;
        this.machine = machine;
        this.owner = owner;
        this.surface = surface;
        this.status = status;
    }

    /** Power and reset buttons. */
    HBox powerButtons() {
        return new HBox(4,
                button("power-on", "Power on", "Press the power button if the machine is off", () -> power(PowerAction.ON)),
                button("power-off", "Shut down", "Press the power button (the OS shuts down) and wait for it",
                        () -> power(PowerAction.OFF)),
                button("reset", "Reset", "Press the reset button (asks first)", () -> confirmed(PowerAction.RESET,
                        "Reset " + machine + "?", "The machine restarts at once; unsaved work is lost.", "Reset")),
                button("force-off", "Force off", "Hold the power button until the machine is off (asks first)",
                        () -> confirmed(PowerAction.FORCE_OFF, "Force " + machine + " off?",
                                "The power button is held until the machine turns off; unsaved work is lost.",
                                "Force off")));
    }

    /** Ctrl+Alt+Del and the menu of other combinations. */
    HBox keyButtons() {
        MenuButton combos = new MenuButton("Keys");
        combos.setId("combos");
        combos.setMnemonicParsing(false);
        combos.setFocusTraversable(false);
        for (Map.Entry<String, String> combo : KeyCombos.ALL.entrySet()) {
            MenuItem item = new MenuItem(combo.getKey());
            item.setMnemonicParsing(false);
            item.setId("combo-" + combo.getValue());
            item.setOnAction(event -> keys(combo.getValue()));
            combos.getItems().add(item);
        }
        return new HBox(4,
                button("ctrl-alt-del", "Ctrl+Alt+Del", "Send Ctrl+Alt+Delete to the machine", () -> keys("ctrl+alt+delete")),
                combos,
                button("paste", "Paste", "Type the clipboard's text on the machine (US keyboard layout)", this::paste),
                screenshotButton());
    }

    /** The one action of a user who may only watch. */
    Button screenshotButton() {
        return button("screenshot", "Screenshot", "Save the picture as a PNG file", this::screenshot);
    }

    void power(PowerAction action) {
        status.accept(action.wire() + ": pressing...");
        Background.call(() -> connection.power(machine, action), result -> status.accept(result.message()),
                failure -> status.accept(action.wire() + " failed: " + failure.getMessage()));
    }

    private void confirmed(PowerAction action, String title, String question, String confirmLabel) {
        if (Dialogs.confirm(owner, "confirm-" + action.wire(), title, question, confirmLabel)) {
            power(action);
        } else {
            status.accept(action.wire() + " cancelled");
        }
    }

    void keys(String combo) {
        Background.call(() -> connection.keys(machine, combo), pressed -> status.accept("pressed " + pressed),
                failure -> status.accept(combo + " failed: " + failure.getMessage()));
    }

    void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isEmpty()) {
            status.accept("the clipboard holds no text to paste");
            return;
        }
        type(text);
    }

    /** Types {@code text} on the machine as keystrokes. */
    void type(String text) {
        status.accept("typing " + text.length() + " characters...");
        Background.call(() -> connection.type(machine, text), typed -> status.accept("typed " + typed + " characters"),
                failure -> status.accept("paste failed: " + failure.getMessage()));
    }

    private void screenshot() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save a screenshot of " + machine);
        chooser.setInitialFileName(machine + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File file = chooser.showSaveDialog(owner);
        if (file != null) {
            screenshotTo(file.toPath());
        }
    }

    /**
     * Saves the picture shown now; before the first picture, the server's snapshot (which starts
     * a short capture when nobody watches).
     */
    void screenshotTo(Path file) {
        if (surface.image().image() != null) {
            try {
                Screenshots.writePng(surface.image().image(), file);
                status.accept("saved " + file);
            } catch (IOException e) {
                status.accept("cannot save " + file + ": " + e.getMessage());
            }
            return;
        }
        Background.call(() -> {
            java.nio.file.Files.write(file, connection.snapshot(machine, ImageFormat.PNG));
            return file;
        }, saved -> status.accept("saved " + saved), failure -> status.accept("screenshot failed: " + failure.getMessage()));
    }

    static Button button(String id, String label, String tip, Runnable action) {
        Button button = new Button(label);
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }
}
