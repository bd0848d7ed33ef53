package org.skvmoip.client.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyboardStateTest {

    private final KeyboardState state = new KeyboardState();

    @Test
    void modifiersBecomeBitsAndOtherKeysStayInPressOrder() {
        state.press(HidUsages.LEFT_CONTROL);
        state.press(HidUsages.RIGHT_ALT);
        state.press(HidUsages.DELETE);
        state.press(HidUsages.A);

        assertThat(state.message()).isEqualTo(new KeyboardMessage(0x41, new int[] {HidUsages.DELETE, HidUsages.A}));
    }

    @Test
    void aRepeatedPressChangesNothing() {
        assertThat(state.press(HidUsages.A)).isTrue();
        assertThat(state.press(HidUsages.A)).isFalse();
        assertThat(state.press(HidUsages.LEFT_SHIFT)).isTrue();
        assertThat(state.press(HidUsages.LEFT_SHIFT)).isFalse();
        assertThat(state.message().keys()).containsExactly(HidUsages.A);
    }

    @Test
    void releasingAKeyThatIsNotHeldChangesNothing() {
        assertThat(state.release(HidUsages.A)).isFalse();
        assertThat(state.release(HidUsages.LEFT_GUI)).isFalse();
    }

    @Test
    void moreThanSixteenKeysSendTheFirstSixteenAndTheRestAfterARelease() {
        for (int i = 0; i < 18; i++) {
            state.press(HidUsages.A + i);
        }
        assertThat(state.message().keys()).hasSize(16).startsWith(HidUsages.A).endsWith(HidUsages.A + 15);

        state.release(HidUsages.A);

        assertThat(state.message().keys()).hasSize(16).startsWith(HidUsages.A + 1).endsWith(HidUsages.A + 16);
    }

    @Test
    void releaseAllLeavesNothingPressed() {
        state.press(HidUsages.LEFT_SHIFT);
        state.press(HidUsages.Z);

        assertThat(state.releaseAll()).isTrue();
        assertThat(state.message()).isEqualTo(KeyboardMessage.NONE);
        assertThat(state.releaseAll()).isFalse();
    }

    @Test
    void usagesThatAreNotKeysAreIgnored() {
        assertThat(state.press(0)).isFalse();
        assertThat(state.press(1)).isFalse();
        assertThat(state.isEmpty()).isTrue();
    }
}
