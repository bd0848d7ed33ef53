package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.skvmoip.sim.stm32.host.CLibrary;
import org.skvmoip.sim.stm32.host.NativeBuild;

/** The device's C with one deliberate mistake, built for the host: shows that the stm32 board catches that mistake. */
final class MutantC {

    private static final Path MCU_HAL = Path.of("../mcu-hal").toAbsolutePath().normalize();

    private MutantC() {
    }

    /**
     * A copy of mcu-hal's C where {@code file} has each {@code fromTo[2i]} replaced by
     * {@code fromTo[2i + 1]} (a mistake and the check that would have caught it at compile time).
     */
    static CLibrary build(String name, String file, String... fromTo) throws Exception {
        Path root = Path.of("target/mutants", name).toAbsolutePath();
        copy(MCU_HAL.resolve("src/main/c"), root.resolve("src/main/c"));
        Path source = root.resolve("src/main/c").resolve(file);
        String c = Files.readString(source);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(c).as(file + " still has what the mutant changes").contains(fromTo[i]);
            c = c.replace(fromTo[i], fromTo[i + 1]);
        }
        Files.writeString(source, c);
        Path cRoot = root.resolve("src/main/c");
        Path library = root.resolve("lib" + name + ".so");
        Class<?> natives = Class.forName(NativeBuild.DEVICE_NATIVES);
        return CLibrary.at(NativeBuild.build(natives, cRoot, NativeBuild.deviceSources(cRoot), library));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
