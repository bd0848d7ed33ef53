package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device's C cross-built for the board (src/main/c/Makefile, Debian's gcc-arm-none-eabi and
 * libnewlib-arm-none-eabi): every device C file compiles for Cortex-M4F with -Wall -Wextra
 * -Werror, and the bring-up image links into the STM32F401CC's memory map. Outputs in
 * target/arm/. Skipped where the toolchain is absent, required on CI.
 */
class ArmBuildTest {

    private static final Path C_ROOT = Path.of("src/main/c");
    private static final Path OUT = Path.of("target/arm").toAbsolutePath();
    private static final long SETTINGS_FIRST = 0x08008000L;
    private static final long SETTINGS_END = 0x08010000L;
    private static String buildOutput;
    private static int buildExit;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(BspHarness.onPath("arm-none-eabi-gcc") && BspHarness.onPath("make") || System.getenv("CI") != null,
                "the ARM toolchain is not installed (CI installs gcc-arm-none-eabi, libnewlib-arm-none-eabi, make)");
        Process make = make(List.of("OUT=" + OUT));
        buildOutput = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor(300, TimeUnit.SECONDS)).isTrue();
        buildExit = make.exitValue();
        System.out.println(buildOutput);
    }

    private static Process make(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("make", "--no-print-directory", "-C", C_ROOT.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void everyDeviceCFileCompilesForCortexM4F() throws Exception {
        assertThat(buildExit).as(buildOutput).isZero();
        for (Path source : deviceSources()) {
            Path object = OUT.resolve("obj").resolve(C_ROOT.relativize(source).toString().replaceAll("\\.c$", ".o"));
            assertThat(object).as(source + " compiled").exists();
        }
    }

    @Test
    void theBringUpImageIsBuiltAsElfAndIntelHexWithItsSize() throws Exception {
        assertThat(buildExit).as(buildOutput).isZero();
        assertThat(OUT.resolve("bringup.elf")).exists();
        assertThat(OUT.resolve("bringup.hex")).exists();
        assertThat(buildOutput).contains("text").contains("bringup.elf");
    }

    @Test
    void theImageStartsWithTheVectorTableAndLeavesTheSettingsSectorsAlone() throws Exception {
        assertThat(buildExit).as(buildOutput).isZero();
        long base = 0;
        long lowest = Long.MAX_VALUE;
        int records = 0;
        for (String line : Files.readAllLines(OUT.resolve("bringup.hex"))) {
            int count = Integer.parseInt(line.substring(1, 3), 16);
            long offset = Long.parseLong(line.substring(3, 7), 16);
            int type = Integer.parseInt(line.substring(7, 9), 16);
            if (type == 4) {
                base = Long.parseLong(line.substring(9, 13), 16) << 16;
            } else if (type == 0) {
                long first = base + offset;
                long end = first + count;
                lowest = Math.min(lowest, first);
                records++;
                assertThat(end <= SETTINGS_FIRST || first >= SETTINGS_END)
                        .as("data at 0x%08X-0x%08X would overwrite the settings sectors", first, end).isTrue();
            }
        }
        assertThat(records).isPositive();
        assertThat(lowest).as("the core boots from 0x08000000").isEqualTo(0x08000000L);
    }

    @Test
    void theCoreEntriesAreTheStackTopResetAndAHandlerOfItsOwnForEachFault() throws Exception {
        assertThat(buildExit).as(buildOutput).isZero();
        Map<Long, Integer> image = hexBytes(OUT.resolve("bringup.hex"));
        Map<String, Long> symbols = symbols(OUT.resolve("bringup.elf"));

        assertThat(word(image, 0x08000000L)).as("initial SP: the top of the 64 KB RAM").isEqualTo(0x20010000L);
        assertThat(word(image, 0x08000004L)).as("Reset, a Thumb address").isEqualTo(symbols.get("Reset_Handler") | 1);
        List<String> faults = List.of("HardFault_Handler", "MemManage_Handler", "BusFault_Handler", "UsageFault_Handler");
        for (int i = 0; i < faults.size(); i++) {
            assertThat(symbols).as("the image has a " + faults.get(i)).containsKey(faults.get(i));
            long entry = word(image, 0x08000000L + 4L * (3 + i));
            assertThat(entry).as(faults.get(i)).isEqualTo(symbols.get(faults.get(i)) | 1);
            assertThat(entry).as(faults.get(i) + " is not the catch-all").isNotEqualTo(symbols.get("faults_unexpected") | 1);
        }
        assertThat(word(image, 0x08000000L + 4L * (16 + 7))).as("IRQ 7 (EXTI1) in the table the core reads")
                .isEqualTo(symbols.get("EXTI1_IRQHandler") | 1);
    }

    private static long word(Map<Long, Integer> image, long address) {
        long value = 0;
        for (int i = 3; i >= 0; i--) {
            value = value << 8 | image.get(address + i);
        }
        return value;
    }

    /** The bytes of an Intel hex file by address. */
    private static Map<Long, Integer> hexBytes(Path hex) throws IOException {
        Map<Long, Integer> bytes = new HashMap<>();
        long base = 0;
        for (String line : Files.readAllLines(hex)) {
            int count = Integer.parseInt(line.substring(1, 3), 16);
            long offset = Long.parseLong(line.substring(3, 7), 16);
            int type = Integer.parseInt(line.substring(7, 9), 16);
            if (type == 4) {
                base = Long.parseLong(line.substring(9, 13), 16) << 16;
            } else if (type == 0) {
                for (int i = 0; i < count; i++) {
                    bytes.put(base + offset + i, Integer.parseInt(line.substring(9 + 2 * i, 11 + 2 * i), 16));
                }
            }
        }
        return bytes;
    }

    private static Map<String, Long> symbols(Path elf) throws Exception {
        Process nm = new ProcessBuilder("arm-none-eabi-nm", elf.toString()).redirectErrorStream(true).start();
        String output = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(nm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, Long> symbols = new HashMap<>();
        for (String line : output.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                symbols.put(f[2], Long.parseLong(f[0], 16));
            }
        }
        return symbols;
    }

    @Test
    void moreFlashThanTheCodeRegionHoldsFailsTheLink() throws Exception {
        assertThat(oversizedLink("oversized_flash")).contains("region `FLASH' overflowed");
    }

    @Test
    void moreRamThanTheChipHasFailsTheLink() throws Exception {
        assertThat(oversizedLink("oversized_ram")).contains("region `RAM' overflowed");
    }

    @Test
    void aVectorTableWhoseIrqEntriesAreNotWhereTheCoreLooksFailsTheLink() throws Exception {
        assertThat(failedLink("misplaced_vector.c", "misplaced", "")).contains("must follow the 16 core entries");
    }

    private static String oversizedLink(String symbol) throws Exception {
        return failedLink("oversized.c", "overflow-" + symbol, "-Wl,--undefined=" + symbol);
    }

    /** Links the bring-up image with one more test object, which must make the link fail. */
    private static String failedLink(String testSource, String outName, String ldFlags) throws Exception {
        Path input = Path.of("src/test/c/arm").resolve(testSource).toAbsolutePath();
        Process make = make(List.of("OUT=" + OUT.resolve(outName), "EXTRA_SRCS=" + input,
                "EXTRA_LDFLAGS=" + ldFlags, "bringup"));
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(make.exitValue()).as(output).isNotZero();
        return output;
    }

    /** All the device's C: not the simulator's host/, not the crypto binding, whose mbedTLS ARM
     *  build is its own (the Makefile's CRYPTO_SRCS). */
    private static List<Path> deviceSources() throws IOException {
        try (Stream<Path> files = Files.walk(C_ROOT)) {
            return files.filter(p -> p.toString().endsWith(".c"))
                    .filter(p -> !p.startsWith(C_ROOT.resolve("host")) && !p.startsWith(C_ROOT.resolve("crypto"))
                            && !p.getFileName().toString().equals("skvm_crypto.c"))
                    .toList();
        }
    }
}
