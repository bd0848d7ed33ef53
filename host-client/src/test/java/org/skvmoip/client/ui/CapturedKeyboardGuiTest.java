package org.skvmoip.client.ui;

import org.skvmoip.protocol.HidKeyboard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skvmoip.client.keys.KeyCodeUsages;
import org.skvmoip.client.keys.KeyboardCapture;
import org.skvmoip.client.keys.KeyboardMessage;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

/**
 * Real key events: the X server (Xvfb) turns the robot's key presses into GTK events, JavaFX into
 * key codes, the client into whole-state messages.
 */
@ExtendWith(FxTest.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CapturedKeyboardGuiTest {

    /**
     * Keys JavaFX's robot reaches on the X server's default (US) keymap. Not here: the 102nd key,
     * the Windows and menu keys and F13..F24, which the robot cannot press on that keymap (it
     * looks keys up by symbol); the golden table test covers their mapping.
     */
    private static final List<KeyCode> REACHABLE = reachable();

    private final List<KeyboardMessage> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger fullScreenToggles = new AtomicInteger();
    private Stage stage;
    private Pane view;
    private Robot robot;

    private static List<KeyCode> reachable() {
        List<KeyCode> keys = new ArrayList<>();
        for (char c = 'A'; c <= 'Z'; c++) {
            keys.add(KeyCode.valueOf(String.valueOf(c)));
        }
        for (int d = 0; d <= 9; d++) {
            keys.add(KeyCode.valueOf("DIGIT" + d));
        }
        for (int f = 1; f <= 12; f++) {
            keys.add(KeyCode.valueOf("F" + f));
        }
        keys.addAll(List.of(KeyCode.MINUS, KeyCode.EQUALS, KeyCode.OPEN_BRACKET, KeyCode.CLOSE_BRACKET,
                KeyCode.BACK_SLASH, KeyCode.SEMICOLON, KeyCode.QUOTE, KeyCode.BACK_QUOTE, KeyCode.COMMA,
                KeyCode.PERIOD, KeyCode.SLASH, KeyCode.ENTER, KeyCode.ESCAPE, KeyCode.BACK_SPACE, KeyCode.TAB,
                KeyCode.SPACE, KeyCode.INSERT, KeyCode.HOME, KeyCode.PAGE_UP, KeyCode.DELETE, KeyCode.END,
                KeyCode.PAGE_DOWN, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.UP, KeyCode.DOWN, KeyCode.PRINTSCREEN,
                KeyCode.SCROLL_LOCK, KeyCode.PAUSE, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ALT, KeyCode.ALT_GRAPH,
                KeyCode.MULTIPLY, KeyCode.ADD, KeyCode.SUBTRACT, KeyCode.DIVIDE));
        return keys;
    }

    @BeforeEach
    void show() throws Exception {
        stage = FxTest.call(() -> {
            view = new Pane();
            view.setPrefSize(400, 300);
            view.setFocusTraversable(true);
            Stage s = new Stage();
            s.setScene(new Scene(view));
            KeyboardCapture capture = new KeyboardCapture(sent::add);
            new CapturedKeyboard(capture, new HostShortcuts().on(KeyCode.F, fullScreenToggles::incrementAndGet))
                    .attach(view, s);
            s.show();
            view.requestFocus();
            robot = new Robot();
            robot.mouseMove(s.getX() + 200, s.getY() + 150);
            return s;
        });
        FxTest.settle();
    }

    @AfterEach
    void close() throws Exception {
        FxTest.run(stage::close);
    }

    @Test
    void everyKeyTheRobotPressesArrivesAsItsUsageAndLeavesOnRelease() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (KeyCode code : REACHABLE) {
            int usage = KeyCodeUsages.usage(code).getAsInt();
            press(code);
            if (!holds(last(), usage)) {
                wrong.add(code + " pressed: " + last());
            }
            release(code);
            if (holds(last(), usage)) {
                wrong.add(code + " released: " + last());
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(last()).isEqualTo(KeyboardMessage.NONE);
    }

    @Test
    void withNumLockOnTheKeypadDigitsArriveAsKeypadKeys() throws Exception {
        tap(KeyCode.NUM_LOCK);
        try {
            for (int d = 0; d <= 9; d++) {
                KeyCode code = KeyCode.valueOf("NUMPAD" + d);
                press(code);
                assertThat(last().keys()).as(code.name())
                        .containsExactly(d == 0 ? HidKeyboard.KEYPAD_0 : HidKeyboard.KEYPAD_1 + d - 1);
                release(code);
            }
            press(KeyCode.DECIMAL);
            assertThat(last().keys()).containsExactly(HidKeyboard.KEYPAD_DECIMAL);
            release(KeyCode.DECIMAL);
        } finally {
            tap(KeyCode.NUM_LOCK);
        }
    }

    @Test
    void keysHeldWhenTheWindowLosesFocusAreReleasedOnTheTarget() throws Exception {
        press(KeyCode.SHIFT);
        press(KeyCode.A);
        assertThat(last()).isEqualTo(new KeyboardMessage(HidKeyboard.modifierBit(HidKeyboard.LEFT_SHIFT),
                new int[] {HidKeyboard.A}));

        Stage other = FxTest.call(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Pane(), 200, 100));
            s.show();
            s.requestFocus();
            return s;
        });
        try {
            awaitFocusLost();
            assertThat(last()).isEqualTo(KeyboardMessage.NONE);
        } finally {
            FxTest.run(() -> {
                robot.keyRelease(KeyCode.A);
                robot.keyRelease(KeyCode.SHIFT);
                other.close();
            });
        }
    }

    @Test
    void theClientsOwnShortcutRunsAndItsKeyNeverReachesTheTarget() throws Exception {
        press(KeyCode.CONTROL);
        press(KeyCode.ALT);
        press(KeyCode.SHIFT);
        tap(KeyCode.F);
        release(KeyCode.SHIFT);
        release(KeyCode.ALT);
        release(KeyCode.CONTROL);

        assertThat(fullScreenToggles).hasValue(1);
        assertThat(sent).noneMatch(message -> holds(message, HidKeyboard.A + ('F' - 'A')));
        assertThat(last()).isEqualTo(KeyboardMessage.NONE);
    }

    private void awaitFocusLost() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && FxTest.call(stage::isFocused)) {
            Thread.sleep(20);
        }
        FxTest.settle();
    }

    private static boolean holds(KeyboardMessage message, int usage) {
        if (HidKeyboard.isModifier(usage)) {
            return (message.modifiers() & HidKeyboard.modifierBit(usage)) != 0;
        }
        for (int key : message.keys()) {
            if (key == usage) {
                return true;
            }
        }
        return false;
    }

    private KeyboardMessage last() {
        return sent.isEmpty() ? KeyboardMessage.NONE : sent.get(sent.size() - 1);
    }

    private void press(KeyCode code) throws Exception {
        FxTest.run(() -> robot.keyPress(code));
        FxTest.settle();
    }

    private void release(KeyCode code) throws Exception {
        FxTest.run(() -> robot.keyRelease(code));
        FxTest.settle();
    }

    private void tap(KeyCode code) throws Exception {
        press(code);
        release(code);
    }
}
