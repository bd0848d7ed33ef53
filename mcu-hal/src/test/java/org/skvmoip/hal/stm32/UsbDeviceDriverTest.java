package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The OTG_FS driver's C (src/main/c/drivers/usb_device.c, its natives, the bring-up keyboard on
 * it): their unit tests on the host against a register-array fixture (src/test/c/usb), their
 * build for the Cortex-M4F, and the FIFO RAM plan's compile-time check.
 */
class UsbDeviceDriverTest {

    private static final Path DRIVER = Path.of("src/main/c/drivers/usb_device.c");
    private static final Path NATIVES = Path.of("src/main/c/sni/natives_usb.c");
    private static final Path KEYBOARD = Path.of("src/main/c/bringup/usb_keyboard.c");
    private static final Path DESCRIPTORS = Path.of("src/main/c/generated/usb_descriptors.c");
    /** The shared drivers the USB driver calls: clock enables (with ES0182's read-back) and the NVIC. */
    private static final List<Path> SHARED_DRIVERS = List.of(Path.of("src/main/c/drivers/rcc.c"),
            Path.of("src/main/c/drivers/core.c"));
    private static final Path C_TESTS = Path.of("src/test/c/usb");
    private static final Path BUILD = Path.of("target/usb-device-test");
    private static final List<String> WARNINGS = List.of("-std=c99", "-Wall", "-Wextra", "-Werror");

    @Test
    void driverUnitTestsPassOnTheHost() throws Exception {
        assumeGcc("gcc");
        Files.createDirectories(BUILD);
        Path program = BUILD.resolve("usb_device_test");
        List<String> compile = new ArrayList<>(List.of("gcc"));
        compile.addAll(WARNINGS);
        compile.addAll(List.of("-DSKVM_HOST", "-Isrc/main/c", "-I" + C_TESTS, "-o", program.toString(),
                DRIVER.toString(), KEYBOARD.toString(), DESCRIPTORS.toString()));
        SHARED_DRIVERS.forEach(file -> compile.add(file.toString()));
        try (Stream<Path> tests = Files.list(C_TESTS)) {
            tests.filter(file -> file.toString().endsWith(".c")).sorted().forEach(file -> compile.add(file.toString()));
        }
        Result built = run(compile);
        assertThat(built.exitCode).as(built.output).isZero();

        Result tests = run(List.of(program.toString()));

        assertThat(tests.output).contains("ok   control_in_of_100_bytes_goes_as_64_then_36",
                "ok   control_in_of_64_bytes_below_wlength_ends_with_a_zero_length_packet",
                "ok   setup_is_read_from_the_rx_fifo_and_ep0_rearmed_for_three",
                "ok   enumeration_returns_the_firmwares_descriptors",
                "ok   typing_sends_a_press_and_a_release_per_character").doesNotContain("FAIL");
        assertThat(tests.exitCode).as(tests.output).isZero();
    }

    @Test
    void driverNativesAndBringUpKeyboardBuildForTheCortexM4F() throws Exception {
        assumeGcc("arm-none-eabi-gcc");
        Files.createDirectories(BUILD);
        for (Path source : List.of(DRIVER, NATIVES, KEYBOARD, DESCRIPTORS)) {
            List<String> compile = new ArrayList<>(List.of("arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb",
                    "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard", "-Os"));
            compile.addAll(WARNINGS);
            compile.addAll(List.of("-Isrc/main/c", "-Isrc/main/c/sni-api", "-c", source.toString(), "-o",
                    BUILD.resolve(source.getFileName() + ".o").toString()));
            Result built = run(compile);
            assertThat(built.exitCode).as(source + ": " + built.output).isZero();
        }
    }

    @Test
    void aFifoPlanOverThe320WordsOfFifoRamFailsToCompile() throws Exception {
        assumeGcc("gcc");
        Files.createDirectories(BUILD);
        String driver = Files.readString(DRIVER);
        String plan = "#define FIFO_TX_INTERRUPT_WORDS (USB_DEVICE_MAX_INTERRUPT_PACKET / 4u)";
        assertThat(driver).contains(plan);
        // 33 (RX) + 16 (TX0) + 3 * 96 = 337 words: 17 more than the core has.
        Path oversized = BUILD.resolve("usb_device_oversized_fifo_plan.c");
        Files.writeString(oversized, driver.replace(plan, "#define FIFO_TX_INTERRUPT_WORDS 96u"));

        List<String> compile = new ArrayList<>(List.of("gcc"));
        compile.addAll(WARNINGS);
        compile.addAll(List.of("-DSKVM_HOST", "-fsyntax-only", "-Isrc/main/c", oversized.toString()));
        Result built = run(compile);

        assertThat(built.exitCode).isNotZero();
        assertThat(built.output).contains("fifo_plan_exceeds_the_320_words_of_fifo_ram");
    }

    private static void assumeGcc(String compiler) {
        assumeTrue(NativeBindingTest.onPath(compiler) || System.getenv("CI") != null,
                compiler + " is not installed (CI installs it)");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
