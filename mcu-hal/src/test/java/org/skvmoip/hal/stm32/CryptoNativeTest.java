package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The device's crypto natives (src/main/c/crypto/skvm_crypto.c) on mbedTLS compiled from its
 * sources with the device's own configuration header, run on the host by
 * src/test/c/crypto_test.c (whose register fixture serves the ADC from a noise generator).
 *
 * <p>The mbedTLS 2.28 sources come from Debian's source package: {@code apt-get source mbedtls}
 * (a deb-src line is needed), with {@code SKVM_MBEDTLS_SRC} naming the unpacked directory.
 */
class CryptoNativeTest {

    private static final Path CRYPTO = Path.of("src/main/c/crypto");
    private static final Path PROGRAM = Path.of("target/crypto-test/crypto_test");
    private static final int MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED = -0x0034;
    private static final int MBEDTLS_ERR_CTR_DRBG_INPUT_TOO_BIG = -0x0038;
    /** skvm_crypto.c's own code: the DRBG is seeded but this boot's next seed is not in flash yet. */
    private static final int SEED_NOT_STORED = 1;

    private static Map<String, String> results;

    @BeforeAll
    static void buildAndRun() throws Exception {
        Path mbedtls = mbedtlsSources();
        List<String> command = new ArrayList<>(List.of("gcc", "-std=c99", "-O1", "-Wall", "-Wextra", "-Werror",
                "-DSKVM_HOST", "-DMBEDTLS_CONFIG_FILE=\"skvm_mbedtls_config.h\"", "-Isrc/main/c",
                "-I" + CRYPTO, "-Isrc/main/c/sni-api", "-I" + mbedtls.resolve("include"),
                CRYPTO.resolve("skvm_crypto.c").toString(), "src/test/c/crypto_test.c"));
        // The drivers the binding reads its noise and personalisation through.
        for (String driver : List.of("adc.c", "uid.c", "rcc.c")) {
            command.add("src/main/c/drivers/" + driver);
        }
        for (String module : modules()) {
            command.add(mbedtls.resolve("library").resolve(module).toString());
        }
        command.addAll(List.of("-o", PROGRAM.toString()));
        Files.createDirectories(PROGRAM.getParent());
        run(command);
        results = new HashMap<>();
        for (String line : run(List.of(PROGRAM.toString())).split("\n")) {
            int space = line.indexOf(' ');
            results.put(line.substring(0, space), line.substring(space + 1));
        }
    }

    @Test
    void seedingSucceedsWithOurConfigurationFromAFactoryStateSeed() {
        // The defect: with the ADC noise as the only (weak) source, seeding failed with
        // MBEDTLS_ERR_ENTROPY_NO_STRONG_SOURCE and the board threw at construction.
        assertThat(code("init")).isZero();
        assertThat(code("init.again")).as("idempotent").isZero();
        assertThat(code("boot1.init")).isZero();
        assertThat(code("boot1.random")).isZero();
    }

    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @CsvSource({
            "1, b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            "2, 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "3, 773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
            "4, 82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
            "6, 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            "7, 9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"})
    void hmacSha256MatchesRfc4231(int testCase, String mac) {
        assertThat(code("hmac." + testCase + ".rc")).isZero();
        assertThat(results.get("hmac." + testCase)).isEqualTo(mac);
        assertThat(results.get("hmac." + testCase + ".split")).as("a || b in two ranges").isEqualTo(mac);
    }

    @Test
    void everyBootLeavesANewSeedForTheNext() {
        String factory = "ff".repeat(32);
        assertThat(results.get("boot1.next")).isNotEqualTo(factory);
        assertThat(results.get("boot2.next")).isNotEqualTo(results.get("boot1.next"));
        assertThat(results.get("boot2.output")).isNotEqualTo(results.get("boot1.output"));
    }

    @Test
    void theStoredSeedIsMixedIn() {
        // Same ADC noise: the same stored seed gives the same result, another one does not.
        assertThat(results.get("replay.next")).isEqualTo(results.get("boot1.next"));
        assertThat(results.get("other-seed.next")).isNotEqualTo(results.get("boot1.next"));
        assertThat(results.get("other-seed.output")).isNotEqualTo(results.get("boot1.output"));
    }

    @Test
    void noRandomBytesUntilTheNextSeedIsStored() {
        assertThat(code("random.unseeded")).as("before any seeding").isEqualTo(SEED_NOT_STORED);
        for (String boot : List.of("boot1", "boot2", "replay", "other-seed")) {
            assertThat(code(boot + ".random.before-stored")).as(boot).isEqualTo(SEED_NOT_STORED);
            assertThat(code(boot + ".stored")).isZero();
            assertThat(code(boot + ".random")).isZero();
        }
        assertThat(code("random.large")).as("3000 bytes, over the DRBG's request limit").isZero();
    }

    @Test
    void serverMaterialGivesANewNextSeedAndTheDrbgGoesOn() {
        assertThat(code("mix")).isZero();
        assertThat(results.get("mix.next")).isNotEqualTo(results.get("other-seed.next"));
        assertThat(code("mix.random")).isZero();
        assertThat(code("mix.too-long")).isEqualTo(MBEDTLS_ERR_CTR_DRBG_INPUT_TOO_BIG);
    }

    @Test
    void aStuckAdcFailsTheBootInsteadOfHangingIt() {
        assertThat(code("stuck.init")).isEqualTo(MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED);
        assertThat(code("stuck.conversions")).as("one conversion started, then the bounded wait gave up").isOne();
        assertThat(code("stuck.random")).isEqualTo(SEED_NOT_STORED);
    }

    @Test
    void theAdcRunsAt21MHzOnTheTemperatureSensor() {
        int ccr = Integer.parseUnsignedInt(results.get("adc.ccr"), 16);
        assertThat(ccr >>> 16 & 3).as("ADCPRE: PCLK2 / 4").isEqualTo(1);
        assertThat(ccr >>> 23 & 1).as("TSVREFE").isEqualTo(1);
        assertThat(ccr >>> 22 & 1).as("VBATE off: it would take channel 18").isZero();
        assertThat(code("adc.sqr3")).isEqualTo(18);
        assertThat(Integer.parseUnsignedInt(results.get("rcc.apb2enr"), 16) & 1 << 8).as("ADC1EN").isNotZero();
    }

    /**
     * The same sources and header for the Cortex-M4F, as the device build compiles them; the
     * sizes go to target/crypto-test/footprint.txt for the image's budget.
     */
    @Test
    void theCryptoCompilesForTheCortexM4WithoutWarnings() throws Exception {
        Path mbedtls = mbedtlsSources();
        assumeTrue(onPath("arm-none-eabi-gcc") || System.getenv("CI") != null,
                "arm-none-eabi-gcc is not installed (CI installs it)");
        Path objects = Files.createDirectories(Path.of("target/crypto-test/cortex-m4"));
        List<String> sources = new ArrayList<>();
        for (String module : modules()) {
            sources.add(mbedtls.resolve("library").resolve(module).toString());
        }
        sources.add(CRYPTO.resolve("skvm_crypto.c").toString());
        List<String> size = new ArrayList<>(List.of("arm-none-eabi-size"));
        for (String source : sources) {
            String name = Path.of(source).getFileName().toString().replace(".c", ".o");
            Path object = objects.resolve(name);
            run(List.of("arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-mfpu=fpv4-sp-d16",
                    "-mfloat-abi=hard", "-Os", "-ffunction-sections", "-fdata-sections", "-std=c99", "-Wall",
                    "-Wextra", "-Werror", "-DMBEDTLS_CONFIG_FILE=\"skvm_mbedtls_config.h\"", "-Isrc/main/c",
                    "-I" + CRYPTO, "-Isrc/main/c/sni-api", "-I" + mbedtls.resolve("include"), "-c", source,
                    "-o", object.toString()));
            size.add(object.toString());
        }
        String table = run(size);
        Files.writeString(objects.resolveSibling("footprint.txt"), table);
        assertThat(table).contains("skvm_crypto.o", "ctr_drbg.o", "sha256.o");
    }

    private static int code(String key) {
        assertThat(results).containsKey(key);
        return Integer.parseInt(results.get(key));
    }

    static List<String> modules() throws IOException {
        return Files.readAllLines(CRYPTO.resolve("mbedtls-modules.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    static Path mbedtlsSources() {
        String dir = System.getenv("SKVM_MBEDTLS_SRC");
        boolean present = dir != null && Files.isRegularFile(Path.of(dir, "library", "ctr_drbg.c"));
        assumeTrue(present || System.getenv("CI") != null,
                "SKVM_MBEDTLS_SRC does not name mbedTLS 2.28 sources (apt-get source mbedtls; CI sets it)");
        assertThat(present).as("SKVM_MBEDTLS_SRC must name the unpacked mbedTLS 2.28 sources").isTrue();
        assumeTrue(onPath("gcc") || System.getenv("CI") != null, "gcc is not installed (CI installs it)");
        return Path.of(dir);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    static boolean onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
