package org.skvmoip.sim.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.skvmoip.sim.board.ManualClock;

/** The running target's console echoes typed text as a US keyboard and its lock keys make it. */
class TargetConsoleTest {

    private static final int CAPS_LOCK = 0x39;
    private static final int NUM_LOCK = 0x53;
    private static final int SCROLL_LOCK = 0x47;
    private static final int ENTER = 0x28;
    private static final int BACKSPACE = 0x2A;
    private static final int KEYPAD_1 = 0x59;
    private static final int KEYPAD_4 = 0x5C;
    private static final int KEYPAD_7 = 0x5F;
    /** The first input line: banner, empty line, prompt. */
    private static final int INPUT_ROW = 2;

    private final ManualClock clock = new ManualClock();
    private final VirtualTarget target = new VirtualTarget(clock);
    private final Typist typist = new Typist(target);
    private final List<Integer> ledReports = new ArrayList<>();

    @BeforeEach
    void bootTheTarget() {
        target.addKeyboardLedListener(ledReports::add);
        target.powerButtonLine().drive(true);
        clock.advance(200);
        target.powerButtonLine().drive(false);
        clock.advance(VirtualTarget.BOOT_MILLIS);
        assertThat(target.state()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void givenTheConsoleIsUpThenItShowsTheBannerAndAPrompt() {
        assertThat(target.consoleLine(0)).isEqualTo(Console.BANNER);
        assertThat(target.consoleLine(INPUT_ROW)).isEqualTo(Console.PROMPT.strip());
    }

    @Test
    void whenHelloWorldIsTypedWithShiftThenItAppearsInTheTextGridAndInTheScreenPixels() {
        typist.type("Hello, World!");

        assertThat(target.consoleLine(INPUT_ROW)).isEqualTo("> Hello, World!");
        int[] screen = target.snapshot();
        String expected = "> Hello, World!";
        for (int column = 0; column < expected.length(); column++) {
            assertGlyphAt(screen, INPUT_ROW, column, expected.charAt(column));
        }
        assertThat(ScreenTextReader.readRow(target.snapshotImage(), INPUT_ROW)).isEqualTo(expected);
    }

    /** Every pixel of the cell's glyph area is text colour where the font is lit, background elsewhere. */
    private static void assertGlyphAt(int[] screen, int row, int column, char c) {
        int left = ScreenLayout.cellX(column) + ScreenLayout.GLYPH_X;
        int top = ScreenLayout.cellY(row) + ScreenLayout.GLYPH_Y;
        for (int y = 0; y < Font5x8.HEIGHT * ScreenLayout.SCALE; y++) {
            for (int x = 0; x < Font5x8.WIDTH * ScreenLayout.SCALE; x++) {
                int expected = Font5x8.lit(c, x / ScreenLayout.SCALE, y / ScreenLayout.SCALE)
                        ? ScreenLayout.TEXT_RGB : ScreenLayout.BACKGROUND_RGB;
                assertThat(screen[(top + y) * ScreenLayout.WIDTH + left + x])
                        .as("'%s' at row %d column %d, pixel (%d, %d)", c, row, column, x, y)
                        .isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "usage {0} types ''{1}'', with Shift ''{2}''")
    @CsvFileSource(resources = "us-keymap.csv", delimiter = ',', quoteCharacter = '\u0000')
    void theKeymapFollowsTheUsLayout(String usage, String plain, String shifted) {
        int code = Integer.decode(usage);

        assertThat(KeyMap.character(code, false, false, false)).isEqualTo(character(plain));
        assertThat(KeyMap.character(code, true, false, false)).isEqualTo(character(shifted));
    }

    private static char character(String cell) {
        return switch (cell) {
            case "SPACE" -> ' ';
            case "COMMA" -> ',';
            default -> cell.charAt(0);
        };
    }

    @Test
    void whenCapsLockIsPressedThenItsLedLightsIsReportedAndLettersButNotDigitsChangeCase() {
        typist.tap(CAPS_LOCK);

        assertThat(target.keyboardLeds()).isEqualTo(KeyboardLeds.CAPS_LOCK);
        assertThat(ledReports).containsExactly(KeyboardLeds.CAPS_LOCK);
        typist.type("abc1!");
        typist.type("X");
        assertThat(target.consoleLine(INPUT_ROW)).as("Shift inverts Caps Lock for letters").isEqualTo("> ABC1!x");

        typist.tap(CAPS_LOCK);
        typist.type("d");
        assertThat(target.keyboardLeds()).isZero();
        assertThat(ledReports).containsExactly(KeyboardLeds.CAPS_LOCK, 0);
        assertThat(target.consoleLine(INPUT_ROW)).isEqualTo("> ABC1!xd");
    }

    @Test
    void givenNumLockOnThenTheKeypadTypesDigitsAndOffItMovesTheCursor() {
        typist.tap(NUM_LOCK);
        assertThat(target.keyboardLeds()).isEqualTo(KeyboardLeds.NUM_LOCK);
        typist.tap(KEYPAD_1);
        typist.tap(KEYPAD_7);
        assertThat(target.consoleLine(INPUT_ROW)).isEqualTo("> 17");

        typist.tap(NUM_LOCK);
        typist.tap(KEYPAD_4);
        typist.type("x");
        typist.tap(KEYPAD_7);
        typist.type("y");

        assertThat(target.consoleLine(INPUT_ROW)).as("Left, then Home; typing overwrites").isEqualTo("> yx");
    }

    @Test
    void scrollLockOnlyTogglesItsLed() {
        typist.tap(SCROLL_LOCK);
        typist.tap(NUM_LOCK);

        assertThat(target.keyboardLeds()).isEqualTo(KeyboardLeds.SCROLL_LOCK | KeyboardLeds.NUM_LOCK);
        assertThat(target.consoleLine(INPUT_ROW)).isEqualTo(">");
    }

    @Test
    void backspaceErasesTypedTextButNotThePrompt() {
        typist.type("ab");

        for (int i = 0; i < 5; i++) {
            typist.tap(BACKSPACE);
        }
        typist.type("c");

        assertThat(target.consoleLine(INPUT_ROW)).isEqualTo("> c");
    }

    @Test
    void enterStartsANewPromptAndAtTheBottomTheConsoleScrolls() {
        typist.type("first");
        typist.tap(ENTER);
        assertThat(target.consoleLine(INPUT_ROW + 1)).isEqualTo(">");

        for (int i = 0; i < ScreenLayout.ROWS; i++) {
            typist.type("line " + i);
            typist.tap(ENTER);
        }

        assertThat(target.consoleText()).doesNotContain(Console.BANNER).doesNotContain("first");
        assertThat(target.consoleLine(ScreenLayout.ROWS - 2)).isEqualTo("> line " + (ScreenLayout.ROWS - 1));
        assertThat(target.consoleLine(ScreenLayout.ROWS - 1)).isEqualTo(">");
    }

    @Test
    void enterMakesTheHddLedFlashBriefly() {
        assertThat(target.hddLedLit()).isFalse();

        typist.tap(ENTER);

        assertThat(target.hddLedLit()).isTrue();
        clock.advance(VirtualTarget.HDD_ACTIVITY_MILLIS);
        assertThat(target.hddLedLit()).isFalse();
    }

    @Test
    void givenTheTargetRebootsThenItsKeyboardLedsGoDarkAndKeysDuringTheBiosAreDropped() {
        typist.tap(CAPS_LOCK);
        typist.type("x");

        target.resetButtonLine().drive(true);
        clock.advance(200);
        target.resetButtonLine().drive(false);
        typist.type("lost");
        typist.tap(NUM_LOCK);

        assertThat(target.keyboardLeds()).isZero();
        assertThat(ledReports).containsExactly(KeyboardLeds.CAPS_LOCK, 0);
        clock.advance(VirtualTarget.BOOT_MILLIS);
        assertThat(target.consoleLine(INPUT_ROW)).isEqualTo(">");
    }

    @Test
    void everyTypeableCharacterIsReadBackFromTheScreen() {
        StringBuilder all = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            all.append(c);
        }
        typist.type(all.toString());

        BufferedImage screen = target.snapshotImage();

        String expected = "> " + all;
        assertThat(ScreenTextReader.readRow(screen, INPUT_ROW) + ScreenTextReader.readRow(screen, INPUT_ROW + 1))
                .isEqualTo(expected);
    }
}
