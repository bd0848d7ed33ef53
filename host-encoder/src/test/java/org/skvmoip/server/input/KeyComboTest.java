package org.skvmoip.server.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key combos as people write them, and the HID state each one holds. */
class KeyComboTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # combo               | modifiers | usages (hex, in press order)
            ctrl+alt+delete       | 05        | 4C
            Ctrl + Alt + Del      | 05        | 4C
            control+shift+esc     | 03        | 29
            shift+F10             | 02        | 43
            meta+r                | 08        | 15
            win+d                 | 08        | 07
            super+l               | 08        | 0F
            cmd+q                 | 08        | 14
            lctrl+rctrl           | 11        |
            rshift+ralt+rwin      | E0        |
            altgr+e               | 40        | 08
            alt+f4                | 04        | 3D
            f12                   | 00        | 45
            F13                   | 00        | 68
            f24                   | 00        | 73
            enter                 | 00        | 28
            RETURN                | 00        | 28
            escape                | 00        | 29
            backspace             | 00        | 2A
            tab                   | 00        | 2B
            space                 | 00        | 2C
            insert                | 00        | 49
            home                  | 00        | 4A
            end                   | 00        | 4D
            pageup                | 00        | 4B
            pagedown              | 00        | 4E
            up                    | 00        | 52
            down                  | 00        | 51
            left                  | 00        | 50
            right                 | 00        | 4F
            printscreen           | 00        | 46
            sysrq                 | 00        | 46
            pause                 | 00        | 48
            capslock              | 00        | 39
            numlock               | 00        | 53
            scrolllock            | 00        | 47
            menu                  | 00        | 65
            a+b+c                 | 00        | 04 05 06
            A                     | 00        | 04
            0                     | 00        | 27
            ctrl+-                | 01        | 2D
            ctrl+/                | 01        | 38
            ctrl+!                | 03        | 1E
            ctrl++                | 03        | 2E
            ctrl + +              | 03        | 2E
            +                     | 02        | 2E
            ctrl+plus             | 03        | 2E
            shift                 | 02        |
            """)
    void givenACombo(String text, String modifiers, String usages) {
        KeyCombo combo = KeyCombo.parse(text);

        assertThat(combo.modifiers()).as("modifiers").isEqualTo(Integer.parseInt(modifiers, 16));
        assertThat(hex(combo.usages())).as("usages").isEqualTo(usages == null ? "" : usages);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ctrl+foo          | unknown key 'foo' in 'ctrl+foo'
            ctrl+alt+dele     | unknown key 'dele'
            f25               | unknown key 'f25'
            ctrl+             | 'ctrl+' ends with '+': name a key after it
            ''                | no key named in ''
            ctrl x            | unknown key 'ctrl x'
            a+b+c+d+e+f+g     | presses 7 keys at once; a USB keyboard reports at most 6
            é                 | unknown key 'é'
            """)
    void givenABadCombo(String text, String error) {
        assertThatThrownBy(() -> KeyCombo.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(error);
    }

    private static String hex(byte[] usages) {
        StringBuilder s = new StringBuilder();
        for (byte u : usages) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", u & 0xFF));
        }
        return s.toString();
    }
}
