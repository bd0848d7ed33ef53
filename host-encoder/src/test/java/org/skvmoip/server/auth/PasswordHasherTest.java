package org.skvmoip.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = hasher.hash("correct horse".toCharArray());

        assertThat(hasher.verify("correct horse".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("correct hors".toCharArray(), stored)).isFalse();
        assertThat(hasher.verify("Correct horse".toCharArray(), stored)).isFalse();
    }

    @Test
    void passwordsBeyondAsciiWork() {
        String stored = hasher.hash("pässwörd ✓ 密码".toCharArray());

        assertThat(hasher.verify("pässwörd ✓ 密码".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("passwörd ✓ 密码".toCharArray(), stored)).isFalse();
    }

    @Test
    void theStoredFormNamesSchemeAndCountAndHoldsNoPassword() {
        String stored = hasher.hash("s3cret-pw".toCharArray());

        assertThat(stored).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
                .doesNotContain("s3cret");
    }

    @Test
    void theDefaultIsSixHundredThousandIterations() {
        assertThat(new PasswordHasher().iterations()).isEqualTo(600_000);
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("pw".toCharArray())).isNotEqualTo(hasher.hash("pw".toCharArray()));
    }

    @Test
    void aHashVerifiesWithItsOwnCountWhateverTheHasherMakes() {
        String madeWithFewer = hasher.hash("pw".toCharArray());
        PasswordHasher stronger = new PasswordHasher(2_000);

        assertThat(stronger.verify("pw".toCharArray(), madeWithFewer)).isTrue();
        assertThat(stronger.hash("pw".toCharArray())).startsWith("pbkdf2-sha256$2000$");
    }

    @Test
    void aTamperedHashFailsInsteadOfThrowing() {
        String stored = hasher.hash("pw".toCharArray());
        String lowered = stored.replace("$1000$", "$999$");
        String otherScheme = stored.replace("pbkdf2-sha256", "pbkdf2-sha1");

        assertThat(hasher.verify("pw".toCharArray(), lowered)).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), otherScheme)).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "")).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), null)).isFalse();
    }

    @Test
    void malformedHashesAreExplainedWithoutRepeatingThem() {
        assertThatThrownBy(() -> PasswordHasher.checkWellFormed("plain-text-password"))
                .hasMessageContaining("pbkdf2-sha256$<iterations>$<salt>$<hash>")
                .hasMessageNotContaining("plain-text-password");
        assertThatThrownBy(() -> PasswordHasher.checkWellFormed("pbkdf2-sha256$99999999999$AAAA$AAAA"))
                .hasMessageContaining("iteration count must be between 1000 and 10000000");
        assertThatThrownBy(() -> PasswordHasher.checkWellFormed("pbkdf2-sha256$1000$!!$AAAA"))
                .hasMessageContaining("salt is not base64");
    }

    @Test
    void countsBelowTheMinimumAreRefused() {
        assertThatThrownBy(() -> new PasswordHasher(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1000 and 10000000, was 10");
    }
}
