package org.skvmoip.client.ui;

import java.util.EnumMap;
import java.util.Map;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The client's own keyboard shortcuts while the keyboard goes to the target: Ctrl+Alt+Shift held
 * with one more key (F full screen, Esc leave pointer capture...). Every other key, F11 included,
 * reaches the target: BIOS setup and boot menus use F1..F12, so no function key alone is the
 * client's.
 */
public final class HostShortcuts {

    private final Map<KeyCode, Runnable> actions = new EnumMap<>(KeyCode.class);

    /** Runs {@code action} on Ctrl+Alt+Shift+{@code key}. */
    public HostShortcuts on(KeyCode key, Runnable action) {
        actions.put(key, action);
        return this;
    }

    /** The action for a key press, or null when it is not one of the client's shortcuts. */
    Runnable actionFor(KeyEvent press) {
        if (press.getEventType() != KeyEvent.KEY_PRESSED || !press.isControlDown() || !press.isAltDown()
                || !press.isShiftDown()) {
            return null;
        }
        return actions.get(press.getCode());
    }

    /** "Ctrl+Alt+Shift+F", for tooltips and the docs. */
    public static String describe(KeyCode key) {
        return "Ctrl+Alt+Shift+" + key.getName();
    }
}
