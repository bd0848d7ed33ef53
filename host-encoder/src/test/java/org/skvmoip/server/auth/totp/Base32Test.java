package org.skvmoip.server.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Base32Test {

    /** RFC 4648 §10's vectors, without the padding the otpauth URI leaves out. */
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI"})
    void encodesAsRfc4648(String text, String base32) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(base32);
        assertThat(Base32.decode(base32)).isEqualTo(bytes);
    }

    @Test
    void readsPaddingAndLowercase() {
        assertThat(Base32.decode("mzxw6ytboi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCharacterOutsideTheAlphabetIsNamed() {
        assertThatThrownBy(() -> Base32.decode("MZX1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 4 is '1'");
    }
}
