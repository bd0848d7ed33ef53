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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the device's C (drivers, SNI natives, wiring, vectors: what goes onto the board) on this
 * machine against src/test/c/bsp's register fixture, which stores what the C writes and logs
 * every access. Built once per test run with the host's gcc, as -DSKVM_HOST.
 */
final class BspHarness {

    static final Path C_ROOT = Path.of("src/main/c");
    private static final Path FIXTURE = Path.of("src/test/c/bsp");
    private static final Path BINARY = Path.of("target/bsp-test/bsp_scenarios");
    private static boolean built;

    private BspHarness() {
    }

    /** What one scenario printed. */
    record Run(List<String> lines) {

        /** The last value of every register that was written ("REG" lines). */
        Map<Long, Long> registers() {
            Map<Long, Long> registers = new LinkedHashMap<>();
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f[0].equals("REG")) {
                    registers.put(Long.decode(f[1]), Long.decode(f[2]));
                }
            }
            return registers;
        }

        long register(long address) {
            return registers().getOrDefault(address, 0L);
        }

        /** Every register access in order, as {read?, address, value}. */
        List<Access> accesses() {
            List<Access> accesses = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f[0].equals("R") || f[0].equals("W")) {
                    accesses.add(new Access(f[0].equals("W"), Long.decode(f[1]), Long.decode(f[2])));
                }
            }
            return accesses;
        }

        List<String> starting(String word) {
            return lines.stream().filter(l -> l.startsWith(word + " ") || l.equals(word)).toList();
        }
    }

    record Access(boolean write, long address, long value) {
    }

    static Run run(String... scenario) throws Exception {
        build();
        List<String> command = new ArrayList<>();
        command.add(BINARY.toAbsolutePath().toString());
        command.addAll(Arrays.asList(scenario));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the C waited without a bound").doesNotContain("HANG");
        assertThat(process.exitValue()).as(output).isZero();
        return new Run(output.lines().toList());
    }

    private static synchronized void build() throws Exception {
        if (built) {
            return;
        }
        assumeTrue(onPath("gcc") || System.getenv("CI") != null, "gcc is not installed (CI installs it)");
        Files.createDirectories(BINARY.getParent());
        List<String> command = new ArrayList<>(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-DSKVM_HOST",
                "-I" + C_ROOT, "-Isrc/main/c/sni-api", "-I" + FIXTURE, "-o", BINARY.toString()));
        command.addAll(sources());
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as(output).isZero();
        built = true;
    }

    /** The device's C that runs above reg.h (not the board's start-up, the bring-up image, the
     *  crypto binding with its library, or the simulator's host/), and the fixture. */
    private static List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>(List.of(C_ROOT.resolve("vectors.c").toString(),
                C_ROOT.resolve("wiring.c").toString()));
        for (String dir : List.of("drivers", "sni")) {
            sources.addAll(cFiles(C_ROOT.resolve(dir)));
        }
        sources.addAll(cFiles(FIXTURE));
        return sources;
    }

    private static List<String> cFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::toString).filter(p -> p.endsWith(".c")).sorted().toList();
        }
    }

    static boolean onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
