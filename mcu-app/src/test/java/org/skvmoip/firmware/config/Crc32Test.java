package org.skvmoip.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

class Crc32Test {

    @Test
    void theCheckValueOfTheStandardIsMet() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc32.compute(check, 0, check.length)).isEqualTo(0xCBF43926);
        assertThat(Crc32.compute(new byte[0], 0, 0)).isZero();
    }

    @Test
    void itAgreesWithTheJdksCrc32OnRandomSlices() {
        SplittableRandom random = new SplittableRandom(8023);
        for (int i = 0; i < 1_000; i++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            int off = data.length == 0 ? 0 : random.nextInt(data.length);
            int len = data.length - off;
            CRC32 jdk = new CRC32();
            jdk.update(data, off, len);
            assertThat(Crc32.compute(data, off, len)).isEqualTo((int) jdk.getValue());
        }
    }
}
