package org.skvmoip.client.keys;

import org.skvmoip.protocol.HidKeyboard;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyboardStateTest {

    private final KeyboardState state = new KeyboardState();

    @Test
    void modifiersBecomeBitsAndOtherKeysStayInPressOrder() {
        state.press(HidKeyboard.LEFT_CONTROL);
        state.press(HidKeyboard.RIGHT_ALT);
        state.press(HidKeyboard.DELETE);
        state.press(HidKeyboard.A);

        assertThat(state.message()).isEqualTo(new KeyboardMessage(0x41, new int[] {HidKeyboard.DELETE, HidKeyboard.A}));
    }

    @Test
    void aRepeatedPressChangesNothing() {
        assertThat(state.press(HidKeyboard.A)).isTrue();
        assertThat(state.press(HidKeyboard.A)).isFalse();
        assertThat(state.press(HidKeyboard.LEFT_SHIFT)).isTrue();
        assertThat(state.press(HidKeyboard.LEFT_SHIFT)).isFalse();
        assertThat(state.message().keys()).containsExactly(HidKeyboard.A);
    }

    @Test
    void releasingAKeyThatIsNotHeldChangesNothing() {
        assertThat(state.release(HidKeyboard.A)).isFalse();
        assertThat(state.release(HidKeyboard.LEFT_GUI)).isFalse();
    }

    @Test
    void moreThanSixteenKeysSendTheFirstSixteenAndTheRestAfterARelease() {
        for (int i = 0; i < 18; i++) {
            state.press(HidKeyboard.A + i);
        }
        assertThat(state.message().keys()).hasSize(16).startsWith(HidKeyboard.A).endsWith(HidKeyboard.A + 15);

        state.release(HidKeyboard.A);

        assertThat(state.message().keys()).hasSize(16).startsWith(HidKeyboard.A + 1).endsWith(HidKeyboard.A + 16);
    }

    @Test
    void releaseAllLeavesNothingPressed() {
        state.press(HidKeyboard.LEFT_SHIFT);
        state.press(HidKeyboard.Z);

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
