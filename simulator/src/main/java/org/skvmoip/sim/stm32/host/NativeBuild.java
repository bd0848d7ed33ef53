package org.skvmoip.sim.stm32.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles the device's C for this host into the shared library that the {@code stm32} board
 * loads: every C file under mcu-hal/src/main/c except the board's start-up (board/) and the bring-up
 * image (bringup/), with
 * -DSKVM_HOST so that reg.h calls into the simulator, plus the JNI glue generated from the
 * natives class. The simulator's build runs {@link #main} at process-classes; tests that bring
 * their own C call {@link #build} with their own natives class.
 */
public final class NativeBuild {

    /** The device's natives: the class the library is built for. */
    public static final String DEVICE_NATIVES = "org.skvmoip.hal.stm32.Stm32Natives";
    /** Folders (under the C root) of what only the board has: start-up, faults and linker script;
     *  the bring-up image, a program of its own. */
    private static final List<String> BOARD_ONLY = List.of("board", "bringup");
    /** The crypto binding's folder: built with the device's mbedTLS configuration. */
    private static final String CRYPTO = "crypto";

    private NativeBuild() {
    }

    /** Arguments: the C root (mcu-hal/src/main/c), the library to write. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NativeBuild <mcu-hal/src/main/c> <library.so>");
        }
        Path cRoot = Path.of(args[0]);
        build(Class.forName(DEVICE_NATIVES, false, NativeBuild.class.getClassLoader()), cRoot,
                deviceSources(cRoot), Path.of(args[1]));
    }

    /**
     * Builds {@code library} from {@code sources} (compiled against the headers of the C root
     * {@code cRoot}: reg.h, host/, the SNI declarations) and the glue for {@code natives}.
     */
    public static Path build(Class<?> natives, Path cRoot, List<Path> sources, Path library)
            throws IOException, InterruptedException {
        Path out = library.toAbsolutePath().getParent();
        Files.createDirectories(out);
        Path glue = out.resolve(library.getFileName() + "-glue.c");
        Files.writeString(glue, NativeGlue.generate(natives), StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-std=c99", "-O1", "-g",
                "-Wall", "-Wextra", "-Werror", "-DSKVM_HOST",
                "-I" + cRoot, "-I" + cRoot.resolve("host"), "-I" + sniDeclarations(cRoot),
                "-I" + jdkInclude(), "-I" + jdkInclude().resolve("linux")));
        for (Path source : sources) {
            command.add(source.toString());
        }
        if (sources.stream().anyMatch(p -> p.startsWith(cRoot.resolve(CRYPTO)))) {
            addMbedtls(command, cRoot);
        }
        command.add(glue.toString());
        command.addAll(List.of("-Wl,--no-undefined", "-o", library.toString()));
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IOException("the host build of the device's C failed (" + String.join(" ", command) + "):\n"
                    + output);
        }
        return library;
    }

    /**
     * The crypto binding is built with the device's own mbedTLS configuration
     * (crypto/skvm_mbedtls_config.h) and the library modules it names, from the mbedTLS 2.28
     * sources that {@code SKVM_MBEDTLS_SRC} names (Debian's source package), as on the device.
     */
    private static void addMbedtls(List<String> command, Path cRoot) throws IOException {
        String dir = System.getenv("SKVM_MBEDTLS_SRC");
        if (dir == null || !Files.isRegularFile(Path.of(dir, "library", "ctr_drbg.c"))) {
            throw new IOException("the crypto binding needs the mbedTLS 2.28 sources: set SKVM_MBEDTLS_SRC to them "
                    + "(apt-get source mbedtls), as its own tests do");
        }
        Path mbedtls = Path.of(dir);
        Path crypto = cRoot.resolve(CRYPTO);
        command.add(2, "-I" + crypto);
        command.add(2, "-I" + mbedtls.resolve("include"));
        command.add(2, "-DMBEDTLS_CONFIG_FILE=\"skvm_mbedtls_config.h\"");
        for (String line : Files.readAllLines(crypto.resolve("mbedtls-modules.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                command.add(mbedtls.resolve("library").resolve(line.trim()).toString());
            }
        }
    }

    /** The device's C files for the host: all but the board's start-up. */
    public static List<Path> deviceSources(Path cRoot) throws IOException {
        try (Stream<Path> files = Files.walk(cRoot)) {
            return files.filter(p -> p.toString().endsWith(".c"))
                    .filter(p -> BOARD_ONLY.stream().noneMatch(cRoot.relativize(p)::startsWith))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The sources that reach registers through their own pointers instead of reg.h: on the host
     * they would write to whatever that address is in this process (a crash of the JVM), so the
     * stm32 board refuses to run them and names them.
     */
    public static List<Path> directRegisterAccess(List<Path> sources) throws IOException {
        List<Path> offenders = new ArrayList<>();
        for (Path source : sources) {
            String c = Files.readString(source, StandardCharsets.UTF_8);
            if (c.contains("#include \"stm32f401_regs.h\"") || c.contains("(volatile uint32_t *)")
                    && !source.getFileName().toString().equals("reg.h")) {
                offenders.add(source);
            }
        }
        return offenders;
    }

    /** MicroEJ's sni.h and LLMJVM_impl.h as declarations only: the SDK's own headers are not public. */
    private static Path sniDeclarations(Path cRoot) {
        return cRoot.resolve("sni-api");
    }

    private static Path jdkInclude() throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        for (Path candidate : List.of(home.resolve("include"), home.resolve("../include"))) {
            if (Files.isRegularFile(candidate.resolve("jni.h"))) {
                return candidate.normalize();
            }
        }
        throw new IOException("no jni.h under " + home + ": the host build needs a full JDK (include/), not a JRE");
    }
}
