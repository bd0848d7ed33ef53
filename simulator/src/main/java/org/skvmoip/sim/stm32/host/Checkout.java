package org.skvmoip.sim.stm32.host;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/** Where the repository's C lives, seen from the simulator's classes (a classes folder or a jar in a target folder). */
final class Checkout {

    private static final String C_ROOT = "mcu-hal/src/main/c";

    private Checkout() {
    }

    /** The checkout: the property {@code skvm.checkout}, else the first folder above the simulator's code that holds mcu-hal's C. */
    static Path locate() {
        String configured = System.getProperty("skvm.checkout");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path from = Path.of(Checkout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(C_ROOT))) {
                    return dir;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            throw new IllegalStateException("cannot tell where the simulator's classes come from", e);
        }
        throw new IllegalStateException("the stm32 board compiles the device's C from the repository (" + C_ROOT
                + "), and none is above the simulator's classes: run it from a checkout, or set -Dskvm.checkout=DIR");
    }

    /** Whether {@code library} is missing or older than a file under {@code cRoot} or the natives class. */
    static boolean isStale(Path library, Path cRoot, Class<?> natives) throws IOException {
        if (!Files.exists(library)) {
            return true;
        }
        FileTime built = Files.getLastModifiedTime(library);
        try (Stream<Path> files = Files.walk(cRoot)) {
            if (files.filter(Files::isRegularFile).anyMatch(f -> newer(f, built))) {
                return true;
            }
        }
        try {
            Path classFile = Path.of(natives.getProtectionDomain().getCodeSource().getLocation().toURI());
            return newer(classFile.resolve(natives.getName().replace('.', '/') + ".class"), built) || newer(classFile, built);
        } catch (URISyntaxException e) {
            return true;
        }
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            return true;
        }
    }
}
