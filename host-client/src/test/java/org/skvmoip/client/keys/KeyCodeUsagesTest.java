package org.skvmoip.client.keys;

import org.skvmoip.protocol.HidKeyboard;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import javafx.scene.input.KeyCode;

class KeyCodeUsagesTest {

    /**
     * Usages that several key codes share on purpose: the same physical key under another name on
     * some platform or layout. Anything else mapped twice is a mistake.
     */
    private static final Map<Integer, Set<KeyCode>> INTENDED_SHARING = Map.of(
            HidKeyboard.LEFT_GUI, Set.of(KeyCode.WINDOWS, KeyCode.META, KeyCode.COMMAND),
            HidKeyboard.KEYPAD_DECIMAL, Set.of(KeyCode.DECIMAL, KeyCode.SEPARATOR),
            HidKeyboard.KEYPAD_5, Set.of(KeyCode.NUMPAD5, KeyCode.CLEAR, KeyCode.BEGIN),
            HidKeyboard.KEYPAD_8, Set.of(KeyCode.NUMPAD8, KeyCode.KP_UP),
            HidKeyboard.KEYPAD_2, Set.of(KeyCode.NUMPAD2, KeyCode.KP_DOWN),
            HidKeyboard.KEYPAD_4, Set.of(KeyCode.NUMPAD4, KeyCode.KP_LEFT),
            HidKeyboard.KEYPAD_6, Set.of(KeyCode.NUMPAD6, KeyCode.KP_RIGHT),
            HidKeyboard.LANG_5, Set.of(KeyCode.FULL_WIDTH, KeyCode.HALF_WIDTH));

    @Test
    void everyKeyCodeMapsAsTheGoldenTableSays() throws IOException {
        Map<KeyCode, Integer> golden = new EnumMap<>(KeyCode.class);
        for (String[] row : rows("keycode-usages.tsv")) {
            golden.put(KeyCode.valueOf(row[0]), Integer.decode(row[1]));
        }
        List<String> wrong = new ArrayList<>();
        for (KeyCode code : KeyCode.values()) {
            Integer expected = golden.get(code);
            Integer actual = KeyCodeUsages.usage(code).isPresent() ? KeyCodeUsages.usage(code).getAsInt() : null;
            if (!java.util.Objects.equals(expected, actual)) {
                wrong.add(code + ": expected " + hex(expected) + ", mapped " + hex(actual));
            }
        }
        assertThat(wrong).as("key codes that differ from the golden table").isEmpty();
        assertThat(KeyCodeUsages.all()).isEqualTo(golden);
    }

    @Test
    void noTwoKeyCodesShareAUsageUnlessIntended() {
        Map<Integer, Set<KeyCode>> byUsage = new TreeMap<>();
        KeyCodeUsages.all().forEach((code, usage) -> byUsage.computeIfAbsent(usage, u -> new HashSet<>()).add(code));
        Map<Integer, Set<KeyCode>> shared = byUsage.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(shared).isEqualTo(INTENDED_SHARING);
    }

    @Test
    void everyKeyOfAFullKeyboardIsReachableExceptTheOnesJavaFxCannotTellApart() throws IOException {
        Set<Integer> reachable = new HashSet<>(KeyCodeUsages.all().values());
        List<String> missing = new ArrayList<>();
        List<String> unexpectedlyReachable = new ArrayList<>();
        List<String[]> keys = rows("full-keyboard-105.tsv");
        for (String[] key : keys) {
            boolean indistinguishable = key.length > 2 && key[2].equals("indistinguishable");
            boolean mapped = reachable.contains(Integer.decode(key[0]));
            if (!mapped && !indistinguishable) {
                missing.add(key[1]);
            }
            if (mapped && indistinguishable) {
                unexpectedlyReachable.add(key[1]);
            }
        }
        assertThat(keys).hasSize(106);
        assertThat(missing).as("keys of a 105-key keyboard with no key code").isEmpty();
        assertThat(unexpectedlyReachable).as("keys the table says JavaFX cannot tell apart").isEmpty();
    }

    @Test
    void keysWithoutAKeyboardUsageAreNotSent() {
        for (KeyCode code : List.of(KeyCode.PLAY, KeyCode.TRACK_NEXT, KeyCode.TRACK_PREV, KeyCode.POWER,
                KeyCode.UNDEFINED, KeyCode.SHORTCUT, KeyCode.DEAD_ACUTE)) {
            assertThat(KeyCodeUsages.usage(code)).as(code.name()).isEmpty();
        }
        assertThat(KeyCodeUsages.usage(null)).isEmpty();
    }

    static List<String[]> rows(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = KeyCodeUsagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }

    private static String hex(Integer usage) {
        return usage == null ? "nothing" : String.format("0x%02X", usage);
    }
}
