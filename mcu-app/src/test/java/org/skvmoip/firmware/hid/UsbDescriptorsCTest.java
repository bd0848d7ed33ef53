package org.skvmoip.firmware.hid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The bring-up image's USB descriptors (mcu-hal/src/main/c/generated) are the firmware's own:
 * the committed C is what {@link UsbDescriptorsC} writes from the Java data, and compiled C holds
 * the same bytes. Run with {@code -Dskvm.regenerate=true} to rewrite the files after changing
 * the Java descriptors.
 */
class UsbDescriptorsCTest {

    private static final Path GENERATED = Path.of("../mcu-hal/src/main/c/generated");

    @Test
    void committedCIsWhatTheJavaDescriptorsGenerate() throws Exception {
        Path header = GENERATED.resolve(UsbDescriptorsC.HEADER_NAME);
        Path source = GENERATED.resolve(UsbDescriptorsC.SOURCE_NAME);
        if (Boolean.getBoolean("skvm.regenerate")) {
            Files.createDirectories(GENERATED);
            Files.writeString(header, UsbDescriptorsC.header());
            Files.writeString(source, UsbDescriptorsC.source());
        }
        String stale = " is stale: the Java descriptors changed; regenerate it (see its first lines)";

        assertThat(Files.readString(header)).as(header + stale).isEqualTo(UsbDescriptorsC.header());
        assertThat(Files.readString(source)).as(source + stale).isEqualTo(UsbDescriptorsC.source());
    }

    @Test
    void compiledCHoldsTheFirmwaresBytes() throws Exception {
        assumeTrue(onPath("gcc") || System.getenv("CI") != null, "gcc is not installed (CI installs it)");
        Path build = Files.createDirectories(Path.of("target/usb-descriptors-c"));
        StringBuilder dump = new StringBuilder("#include <stdio.h>\n#include \"generated/usb_descriptors.h\"\n"
                + "static void dump(const char *name, const uint8_t *bytes, unsigned n) {\n"
                + "    printf(\"%s\", name);\n"
                + "    for (unsigned i = 0; i < n; i++) printf(\" %02X\", bytes[i]);\n"
                + "    printf(\"\\n\");\n}\nint main(void) {\n");
        for (String name : UsbDescriptorsC.tables().keySet()) {
            dump.append("    dump(\"").append(name).append("\", ").append(name).append(", sizeof ").append(name)
                    .append(");\n");
        }
        dump.append("    return 0;\n}\n");
        Path main = Files.writeString(build.resolve("dump.c"), dump.toString());
        Path program = build.resolve("dump");

        String compiled = run("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-I../mcu-hal/src/main/c", "-o",
                program.toString(), main.toString(), GENERATED.resolve(UsbDescriptorsC.SOURCE_NAME).toString());
        String printed = run(program.toString());

        for (Map.Entry<String, byte[]> table : UsbDescriptorsC.tables().entrySet()) {
            byte[] bytes = table.getValue();
            assertThat(printed).as(compiled).contains(table.getKey() + " " + Hex.of(bytes, 0, bytes.length) + "\n");
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
