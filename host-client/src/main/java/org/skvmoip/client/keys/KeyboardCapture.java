package org.skvmoip.client.keys;

import org.skvmoip.protocol.HidKeyboard;
import java.util.OptionalInt;
import java.util.function.Consumer;

import javafx.event.EventType;
import javafx.scene.input.KeyEvent;

/**
 * Turns the JavaFX key events of a focused view into whole-state keyboard messages: each press or
 * release that changes the state sends the state. Every key event is consumed, so Tab, arrows and
 * mnemonics reach the target instead of moving focus in the client.
 *
 * <p>Events can go missing (a release delivered to another window after a focus change, a window
 * manager that swallows a shortcut), so each event's own Shift and Control flags also release
 * those modifiers when they say the modifier is up. Alt and the GUI key are not checked that way:
 * GTK reports Alt Graph without the Alt flag, so the flag would release a held Alt Graph.
 * Focus loss, window close and disconnect call {@link #releaseAll()}.
 */
public final class KeyboardCapture {

    private final KeyboardState state = new KeyboardState();
    private final Consumer<KeyboardMessage> sink;

    /** @param sink receives each new state (on the thread that handles the events) */
    public KeyboardCapture(Consumer<KeyboardMessage> sink) {
        this.sink = sink;
    }

    /** Handles one key event (pressed, released or typed) and consumes it. */
    public void handle(KeyEvent event) {
        event.consume();
        EventType<KeyEvent> type = event.getEventType();
        if (type != KeyEvent.KEY_PRESSED && type != KeyEvent.KEY_RELEASED) {
            return;
        }
        boolean changed = reconcile(event);
        OptionalInt usage = KeyCodeUsages.usage(event.getCode());
        if (usage.isPresent()) {
            int u = usage.getAsInt();
            changed |= type == KeyEvent.KEY_PRESSED ? state.press(u) : state.release(u);
        }
        if (changed) {
            sink.accept(state.message());
        }
    }

    /** Releases every key; sends "nothing pressed" when something was held. */
    public void releaseAll() {
        if (state.releaseAll()) {
            sink.accept(state.message());
        }
    }

    /** The keys held now. */
    public KeyboardMessage current() {
        return state.message();
    }

    private boolean reconcile(KeyEvent event) {
        if (HidKeyboard.isModifier(KeyCodeUsages.usage(event.getCode()).orElse(0))) {
            // A modifier's own event may carry the flags from before it (X11 reports the state
            // before the event); only other keys' events are trusted about modifiers.
            return false;
        }
        boolean changed = false;
        if (!event.isShiftDown()) {
            changed |= state.release(HidKeyboard.LEFT_SHIFT) | state.release(HidKeyboard.RIGHT_SHIFT);
        }
        if (!event.isControlDown()) {
            changed |= state.release(HidKeyboard.LEFT_CONTROL) | state.release(HidKeyboard.RIGHT_CONTROL);
        }
        return changed;
    }
}
