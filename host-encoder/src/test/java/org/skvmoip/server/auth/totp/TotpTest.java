package org.skvmoip.server.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** The SHA-1 key of RFC 4226 Appendix D and RFC 6238 Appendix B. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "HOTP counter {0} is {1}")
    @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922",
            "7, 162583", "8, 399871", "9, 520489"})
    void hotpMatchesRfc4226AppendixD(long counter, String code) {
        assertThat(Totp.code(RFC_KEY, counter, 6)).isEqualTo(code);
    }

    @ParameterizedTest(name = "at {0} s the 8-digit SHA-1 code is {1}")
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void totpMatchesRfc6238AppendixB(long unixSeconds, String code) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(code);
        // The six-digit code is the same number modulo 10^6.
        assertThat(Totp.code(RFC_KEY, step)).isEqualTo(code.substring(2));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step), now, 0)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now, 0)).isEmpty();
    }

    @Test
    void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step), now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, step)).hasValue(step + 1);
    }

    @Test
    void onlySixAsciiDigitsLookLikeACode() {
        assertThat(Totp.looksLikeCode("012345")).isTrue();
        assertThat(Totp.looksLikeCode("12345")).isFalse();
        assertThat(Totp.looksLikeCode("1234567")).isFalse();
        assertThat(Totp.looksLikeCode("12345a")).isFalse();
        assertThat(Totp.looksLikeCode("١٢٣٤٥٦")).isFalse();
    }
}
