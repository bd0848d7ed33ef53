package org.skvmoip.server.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The key states that type text and press combos, as the target's keyboard sees them one after another. */
class KeyStateTest {

    @Test
    void givenTextThenEachKeyGoesDownAndUpWithShiftHeldAroundShiftedKeysOnly() {
        List<KeyState> states = KeyState.typing(UsLayout.INSTANCE.strokes("aAB!b"));

        assertThat(states).hasToString("[00[4], 00[], 02[], 02[4], 02[], 02[5], 02[], 02[30], 02[], 00[], 00[5], 00[]]");
    }

    @Test
    void givenTextEndingShiftedThenShiftIsReleasedAtTheEnd() {
        assertThat(KeyState.typing(UsLayout.INSTANCE.strokes("?"))).hasToString("[02[], 02[56], 02[], 00[]]");
    }

    @Test
    void givenAComboThenModifiersGoDownFirstThenEachKeyInOrderThenAllAreReleasedTogether() {
        assertThat(KeyState.combo(KeyCombo.parse("ctrl+alt+delete"))).hasToString("[05[], 05[76], 00[]]");
        assertThat(KeyState.combo(KeyCombo.parse("a+b"))).hasToString("[00[4], 00[4, 5], 00[]]");
    }
}
