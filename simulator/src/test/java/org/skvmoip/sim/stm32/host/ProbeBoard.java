package org.skvmoip.sim.stm32.host;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.skvmoip.sim.stm32.SpiLink;
import org.skvmoip.sim.stm32.Stm32Chip;

/** A chip running the probe's C (src/test/c/probe_natives.c) in its own loader, called by reflection as the firmware would call natives. */
final class ProbeBoard implements AutoCloseable {

    private static CLibrary library;

    final Stm32Chip chip;
    final CLibrary.Loaded loaded;
    private final Class<?> natives;
    final List<String> resets = new ArrayList<>();

    ProbeBoard(String name, int index) throws Exception {
        chip = new Stm32Chip(name, index, Stm32Chip.erasedFlash(), new SpiLink() {
            @Override
            public void select(boolean selected) {
            }

            @Override
            public int exchange(int mosi) {
                return mosi ^ 0xFF;
            }
        }, (reason, byWatchdog) -> resets.add(reason));
        loaded = library().load(name, List.of(ProbeNatives.class.getName(), CBridge.class.getName()),
                List.of(ProbeNatives.class, CBridge.class), chip.core());
        chip.core().start(loaded.c());
        natives = loaded.loader().loadClass(ProbeNatives.class.getName());
    }

    static synchronized CLibrary library() throws Exception {
        if (library == null) {
            Path cRoot = Path.of("../mcu-hal/src/main/c").toAbsolutePath().normalize();
            List<Path> sources = new ArrayList<>(NativeBuild.deviceSources(cRoot.resolve("host")));
            sources.add(Path.of("src/test/c/probe_natives.c").toAbsolutePath());
            Path out = Path.of("target/native-test/libprobe.so").toAbsolutePath();
            Files.deleteIfExists(out);
            library = CLibrary.at(NativeBuild.build(ProbeNatives.class, cRoot, sources, out));
        }
        return library;
    }

    /** Calls the probe native {@code name} of this board's copy of the C; a Java exception from the C is rethrown as is. */
    Object call(String name, Object... args) throws Throwable {
        for (Method method : natives.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                method.setAccessible(true);
                try {
                    return method.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    int callInt(String name, Object... args) throws Throwable {
        return (Integer) call(name, args);
    }

    @Override
    public void close() {
        chip.core().stop();
    }
}
