package org.skvmoip.client.ui;

import java.util.EnumSet;
import java.util.Set;

import org.skvmoip.client.keys.KeyboardCapture;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Sends the keys typed while {@code node} has focus to the target, except the client's own
 * shortcuts; and lets every key go on the target when the node or its window loses focus or the
 * window closes, so a key held while the user switches windows is not left down.
 */
final class CapturedKeyboard {

    private final KeyboardCapture capture;
    private final HostShortcuts shortcuts;
    /** Shortcut keys pressed: their releases are the client's too. */
    private final Set<KeyCode> swallowed = EnumSet.noneOf(KeyCode.class);

    /** @param capture where the other keys go; null for a window that only watches (they stay the client's) */
    CapturedKeyboard(KeyboardCapture capture, HostShortcuts shortcuts) {
        this.capture = capture;
        this.shortcuts = shortcuts;
    }

    void attach(Node node, Window window) {
        node.addEventFilter(KeyEvent.ANY, this::handle);
        node.focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                releaseAll();
            }
        });
        window.focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                releaseAll();
            }
        });
        window.addEventHandler(WindowEvent.WINDOW_HIDING, event -> releaseAll());
    }

    void releaseAll() {
        swallowed.clear();
        if (capture != null) {
            capture.releaseAll();
        }
    }

    private void handle(KeyEvent event) {
        Runnable action = shortcuts.actionFor(event);
        if (action != null) {
            event.consume();
            swallowed.add(event.getCode());
            // The chord's modifiers already reached the target; let them go before acting.
            releaseTarget();
            action.run();
            return;
        }
        if (event.getEventType() == KeyEvent.KEY_RELEASED && swallowed.remove(event.getCode())) {
            event.consume();
            return;
        }
        if (capture != null) {
            capture.handle(event);
        }
    }

    private void releaseTarget() {
        if (capture != null) {
            capture.releaseAll();
        }
    }
}
