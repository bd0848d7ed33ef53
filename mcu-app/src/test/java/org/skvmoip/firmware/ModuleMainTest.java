package org.skvmoip.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A firmware developer following docs/device-build.md finds the main class it names. */
class ModuleMainTest {

    private static final Path DEVICE_BUILD = Path.of(System.getProperty("basedir", "."), "..", "docs", "device-build.md");

    @Test
    void theMainClassThatDeviceBuildMdNamesExistsWithAMainMethod() throws Exception {
        Matcher named = Pattern.compile("set its main class to\\s+`([\\w.]+)`").matcher(page());
        assertThat(named.find()).as("docs/device-build.md names the MicroEJ application's main class").isTrue();

        Method main = Class.forName(named.group(1)).getMethod("main", String[].class);

        assertThat(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers())).isTrue();
        assertThat(main.getReturnType()).isEqualTo(void.class);
    }

    @Test
    void theDeviceBuildPageShowsNoFirmwareConstructorThatIsNotThere() throws IOException {
        String page = page();
        String call = "new Firmware(";
        for (int at = page.indexOf(call); at >= 0; at = page.indexOf(call, at + 1)) {
            int arguments = argumentsAt(page, at + call.length());
            assertThat(Firmware.class.getConstructors())
                    .as("a Firmware constructor with %d parameters, as the page shows at offset %d", arguments, at)
                    .anyMatch(c -> c.getParameterCount() == arguments);
        }
    }

    /** Arguments of the call whose "(" ends just before {@code from}: commas outside nested parentheses. */
    private static int argumentsAt(String text, int from) {
        int depth = 0;
        int commas = 0;
        boolean any = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ')' && depth == 0) {
                return any ? commas + 1 : 0;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            commas += c == ',' && depth == 0 ? 1 : 0;
            any |= !Character.isWhitespace(c);
        }
        throw new AssertionError("an unclosed `new Firmware(` in docs/device-build.md");
    }

    private static String page() throws IOException {
        return Files.readString(DEVICE_BUILD);
    }
}
