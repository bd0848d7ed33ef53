package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The device binding's two halves stay in step: every Java native has its C function, and the C compiles. */
class NativeBindingTest {

    private static final Path C_ROOT = Path.of("src/main/c");

    /** The C side that also builds for the host: all of it but the board's start-up (ArmBuildTest
     *  builds that) and the simulator's own host/ binding. */
    private static List<Path> cSources() throws IOException {
        try (Stream<Path> files = Files.walk(C_ROOT)) {
            return files.filter(p -> p.toString().endsWith(".c"))
                    .filter(p -> !p.startsWith(C_ROOT.resolve("host")) && !p.startsWith(C_ROOT.resolve("board")))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyNativeMethodHasItsSniFunctionInTheCSide() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path source : cSources()) {
            all.append(Files.readString(source));
        }
        String c = all.toString();
        List<Method> natives = Arrays.stream(Stm32Natives.class.getDeclaredMethods())
                .filter(m -> Modifier.isNative(m.getModifiers()))
                .toList();

        assertThat(natives).isNotEmpty();
        for (Method method : natives) {
            assertThat(Modifier.isStatic(method.getModifiers())).as(method + " is static (SNI)").isTrue();
            for (Class<?> type : method.getParameterTypes()) {
                assertThat(type.isPrimitive() || type.isArray() && type.getComponentType().isPrimitive())
                        .as(method.getName() + ": SNI passes only primitives and primitive arrays").isTrue();
            }
            assertThat(c).contains("Java_org_skvmoip_hal_stm32_Stm32Natives_" + method.getName() + "(");
        }
    }

    @Test
    void theCSideCompilesWithoutWarnings() throws Exception {
        assumeTrue(onPath("gcc") || System.getenv("CI") != null, "gcc is not installed (CI installs it)");
        // mbedTLS's headers come from Debian's libmbedtls-dev (CI installs it), read with the
        // device's configuration header; CryptoNativeTest builds the library's sources with it.
        for (Path source : cSources()) {
            Process gcc = new ProcessBuilder("gcc", "-std=c99", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-DSKVM_HOST",
                    "-Isrc/main/c/sni-api", "-Isrc/main/c", "-Isrc/main/c/crypto",
                    "-DMBEDTLS_CONFIG_FILE=\"skvm_mbedtls_config.h\"", source.toString())
                    .redirectErrorStream(true).start();
            String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(gcc.exitValue()).as(source + ": " + output).isZero();
        }
    }

    static boolean onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
