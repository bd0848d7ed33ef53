package org.skvmoip.server.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDifferentCodesShownAsFourFourTwo() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom());

        assertThat(codes).hasSize(10);
        assertThat(new HashSet<>(codes)).hasSize(10);
        assertThat(codes).allSatisfy(code -> assertThat(RecoveryCodes.display(code)).matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{2}"));
    }

    @Test
    void caseDashesAndSpacesDoNotMatter() {
        assertThat(RecoveryCodes.canonical("ABCD-efgh-ij")).hasValue("abcdefghij");
        assertThat(RecoveryCodes.canonical("abcd efgh ij")).hasValue("abcdefghij");
        assertThat(RecoveryCodes.canonical("abcdefghij")).hasValue("abcdefghij");
    }

    @Test
    void anythingElseIsNoRecoveryCode() {
        assertThat(RecoveryCodes.canonical("123456")).isEmpty();
        assertThat(RecoveryCodes.canonical("abcd-efgh-i")).isEmpty();
        assertThat(RecoveryCodes.canonical("abcd-efgh-ijk")).isEmpty();
        assertThat(RecoveryCodes.canonical("abcd-efgh-i1")).isEmpty();
    }
}
