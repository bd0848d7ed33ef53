package org.skvmoip.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake in an inventory, from the golden table in bad-inventories.txt. */
class BadInventoryTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        String title = null;
        StringBuilder text = new StringBuilder();
        try (InputStream in = BadInventoryTest.class.getResourceAsStream("/config/bad-inventories.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("### ")) {
                    title = line.substring(4);
                    text.setLength(0);
                } else if (line.startsWith(">>> ")) {
                    cases.add(Arguments.of(title, text.toString(), line.substring(4)));
                    title = null;
                } else if (title != null) {
                    text.append(line).append('\n');
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAMessageNamingFileLineAndField(String title, String inventory, String expected) throws IOException {
        Files.writeString(dir.resolve("operator.pem"), "");
        Path file = dir.resolve("rack.yaml");
        Files.writeString(file, inventory);

        ConfigException error = catchThrowableOfType(() -> InventoryLoader.load(file), ConfigException.class);

        assertThat(error).as(title).isNotNull();
        assertThat(error.getMessage().replace(dir.toString(), "DIR").replace("DIR/rack.yaml", "rack.yaml"))
                .isEqualTo(expected);
    }
}
