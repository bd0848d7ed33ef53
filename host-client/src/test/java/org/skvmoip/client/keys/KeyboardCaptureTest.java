package org.skvmoip.client.keys;

import org.skvmoip.protocol.HidKeyboard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import javafx.event.EventType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

class KeyboardCaptureTest {

    private final List<KeyboardMessage> sent = new ArrayList<>();
    private final KeyboardCapture capture = new KeyboardCapture(sent::add);

    @Test
    void ctrlAltDeleteSendsEachStepOfTheWholeState() {
        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.CONTROL, false, true, false));
        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.ALT, false, true, true));
        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.DELETE, false, true, true));
        capture.handle(key(KeyEvent.KEY_RELEASED, KeyCode.DELETE, false, true, true));
        capture.handle(key(KeyEvent.KEY_RELEASED, KeyCode.ALT, false, true, true));
        capture.handle(key(KeyEvent.KEY_RELEASED, KeyCode.CONTROL, false, true, false));

        assertThat(sent).containsExactly(
                new KeyboardMessage(0x01, new int[0]),
                new KeyboardMessage(0x05, new int[0]),
                new KeyboardMessage(0x05, new int[] {HidKeyboard.DELETE}),
                new KeyboardMessage(0x05, new int[0]),
                new KeyboardMessage(0x01, new int[0]),
                KeyboardMessage.NONE);
    }

    @Test
    void autoRepeatSendsNothingNew() {
        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.A, false, false, false));
        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.A, false, false, false));
        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.A, false, false, false));

        assertThat(sent).hasSize(1);
    }

    @Test
    void aShiftWhoseReleaseWentElsewhereIsReleasedByTheNextKeysFlags() {
        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.SHIFT, true, false, false));
        // The Shift release went to another window; the next key says Shift is up.
        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.B, false, false, false));

        assertThat(sent.get(sent.size() - 1)).isEqualTo(new KeyboardMessage(0, new int[] {HidKeyboard.A + 1}));
    }

    @Test
    void releaseAllSendsNothingPressedOnlyWhenSomethingWasHeld() {
        capture.releaseAll();
        assertThat(sent).isEmpty();

        capture.handle(key(KeyEvent.KEY_PRESSED, KeyCode.WINDOWS, false, false, false));
        capture.releaseAll();

        assertThat(sent).containsExactly(new KeyboardMessage(0x08, new int[0]), KeyboardMessage.NONE);
    }

    @Test
    void everyKeyEventIsConsumedSoTabDoesNotMoveFocus() {
        KeyEvent tab = key(KeyEvent.KEY_PRESSED, KeyCode.TAB, false, false, false);
        KeyEvent typed = new KeyEvent(KeyEvent.KEY_TYPED, "\t", "", KeyCode.UNDEFINED, false, false, false, false);
        KeyEvent unmapped = key(KeyEvent.KEY_PRESSED, KeyCode.PLAY, false, false, false);

        capture.handle(tab);
        capture.handle(typed);
        capture.handle(unmapped);

        assertThat(tab.isConsumed()).isTrue();
        assertThat(typed.isConsumed()).isTrue();
        assertThat(unmapped.isConsumed()).isTrue();
        assertThat(sent).containsExactly(new KeyboardMessage(0, new int[] {HidKeyboard.TAB}));
    }

    private static KeyEvent key(EventType<KeyEvent> type, KeyCode code, boolean shift, boolean control, boolean alt) {
        return new KeyEvent(type, KeyEvent.CHAR_UNDEFINED, "", code, shift, control, alt, false);
    }
}
