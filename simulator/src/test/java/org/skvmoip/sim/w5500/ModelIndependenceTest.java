package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model reads the datasheet with its own constants, never the driver's: a driver whose
 * constants were wrong would otherwise be checked against a model with the same mistake. The
 * source is scanned rather than the class files because constants are inlined by javac.
 */
class ModelIndependenceTest {

    private static final Path MODEL_SOURCES = Paths.get("src/main/java/org/skvmoip/sim/w5500");

    @Test
    void modelSourcesUseNothingFromTheFirmware() throws IOException {
        assertThat(MODEL_SOURCES).as("run from the simulator module").isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.list(MODEL_SOURCES)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("org.skvmoip.firmware"))
                    .map(f -> f.getFileName().toString())
                    .collect(Collectors.toList());
        }
        assertThat(offenders).as("model files naming org.skvmoip.firmware").isEmpty();
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
