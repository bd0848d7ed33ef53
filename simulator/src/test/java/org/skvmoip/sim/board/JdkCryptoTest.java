package org.skvmoip.sim.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's HMAC-SHA256 gives what RFC 4231 and javax.crypto.Mac give. */
class JdkCryptoTest {

    private static final HexFormat HEX = HexFormat.of();
    private final JdkCrypto crypto = new JdkCrypto();

    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b | Hi There | b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
            2 | 4a656665 | what do ya want for nothing? | 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
            """)
    void matchesTheRfc4231Vectors(int testCase, String keyHex, String data, String expected) {
        assertThat(hmac(HEX.parseHex(keyHex), data.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @Test
    void matchesRfc4231TestCase6WithAKeyLongerThanTheBlock() {
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xAA);
        byte[] data = "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII);

        assertThat(hmac(key, data)).isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void twoRangesGiveTheMacOfTheirConcatenationUnderEachOfSeveralKeysInTurn() throws Exception {
        Random random = new Random(42);
        byte[][] keys = {new byte[32], new byte[32], new byte[16]};
        for (byte[] key : keys) {
            random.nextBytes(key);
        }
        Mac reference = Mac.getInstance("HmacSHA256");
        byte[] out = new byte[40];
        for (int i = 0; i < 2_000; i++) {
            byte[] key = keys[random.nextInt(keys.length)];
            byte[] a = new byte[random.nextInt(70)];
            byte[] b = new byte[random.nextInt(140)];
            random.nextBytes(a);
            random.nextBytes(b);
            int aOff = a.length == 0 ? 0 : random.nextInt(a.length);
            int bOff = b.length == 0 ? 0 : random.nextInt(b.length);

            crypto.hmacSha256Concat(key, 0, key.length, a, aOff, a.length - aOff, b, bOff, b.length - bOff, out, 8);

            reference.init(new SecretKeySpec(key, "HmacSHA256"));
            reference.update(a, aOff, a.length - aOff);
            reference.update(b, bOff, b.length - bOff);
            assertThat(Arrays.copyOfRange(out, 8, 40)).as("case %d", i).isEqualTo(reference.doFinal());
        }
    }

    @Test
    void randomBytesFillExactlyTheRangeAsked() {
        byte[] out = new byte[100];

        crypto.randomBytes(out, 10, 80);

        assertThat(Arrays.copyOfRange(out, 0, 10)).containsOnly(0);
        assertThat(Arrays.copyOfRange(out, 90, 100)).containsOnly(0);
        assertThat(Arrays.copyOfRange(out, 10, 90)).isNotEqualTo(new byte[80]);
    }

    private String hmac(byte[] key, byte[] data) {
        byte[] out = new byte[32];
        crypto.hmacSha256(key, 0, key.length, data, 0, data.length, out, 0);
        return HEX.formatHex(out);
    }
}
