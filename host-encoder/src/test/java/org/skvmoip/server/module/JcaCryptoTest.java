package org.skvmoip.server.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.board.JdkCrypto;

/** The server's HMAC-SHA256 against RFC 4231 and against the simulated module's own, which it must agree with. */
class JcaCryptoTest {

    private final JcaCrypto crypto = new JcaCrypto();

    @Test
    void givenRfc4231TestCase2ThenTheMacIsTheRfcs() {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[32];

        crypto.hmacSha256(key, 0, key.length, data, 0, data.length, out, 0);

        assertThat(HexFormat.of().formatHex(out))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void givenTwoRangesThenTheMacIsTheMacOfTheirConcatenationAndTheFirmwaresToo() {
        Random random = new Random(4);
        JdkCrypto firmware = new JdkCrypto();
        for (int round = 0; round < 50; round++) {
            byte[] key = bytes(random, 32);
            byte[] a = bytes(random, random.nextInt(40));
            byte[] b = bytes(random, random.nextInt(90));
            byte[] joined = new byte[a.length + b.length];
            System.arraycopy(a, 0, joined, 0, a.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            byte[] concat = new byte[40];
            byte[] whole = new byte[32];
            byte[] theirs = new byte[32];

            crypto.hmacSha256Concat(key, 0, 32, a, 0, a.length, b, 0, b.length, concat, 8);
            crypto.hmacSha256(key, 0, 32, joined, 0, joined.length, whole, 0);
            firmware.hmacSha256(key, 0, 32, joined, 0, joined.length, theirs, 0);

            assertThat(java.util.Arrays.copyOfRange(concat, 8, 40)).isEqualTo(whole).isEqualTo(theirs);
        }
    }

    @Test
    void givenARangeThenRandomBytesFillItAndNothingElse() {
        byte[] out = new byte[48];

        crypto.randomBytes(out, 8, 32);

        assertThat(java.util.Arrays.copyOfRange(out, 0, 8)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(out, 40, 48)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(out, 8, 40)).as("32 random bytes are not all zero").isNotEqualTo(new byte[32]);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
