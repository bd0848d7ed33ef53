package org.skvmoip.sim.stm32.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The device's C built for this host (see {@link NativeBuild}), loaded once per board: the
 * dynamic loader shares one file's globals between all who open it, so each board gets its own
 * copy of the file, opened from its own {@link BoardClassLoader}.
 */
public final class CLibrary {

    /** The device library's file name, under simulator/target/native/. */
    public static final String DEVICE_LIBRARY = "libskvm_stm32.so";

    private final Path file;
    private final List<Path> directAccess;

    private CLibrary(Path file, List<Path> directAccess) {
        this.file = file;
        this.directAccess = directAccess;
    }

    /**
     * Refuses to run C that reaches registers without reg.h (see
     * {@link NativeBuild#directRegisterAccess}): on the host it would crash the JVM.
     */
    public CLibrary checkRunnable() {
        if (!directAccess.isEmpty()) {
            throw new IllegalStateException("the device's C cannot run on the stm32 board: " + directAccess
                    + " access registers through their own pointers instead of reg.h (reg_read/reg_write)");
        }
        return this;
    }

    /**
     * The device's C built for this host, compiled on first use (and again whenever a C file or
     * the natives class is newer than it) into simulator/target/native/, from the checkout the
     * simulator's classes come from.
     */
    public static synchronized CLibrary device() {
        Path checkout = Checkout.locate();
        Path cRoot = checkout.resolve("mcu-hal/src/main/c");
        Path library = checkout.resolve("simulator/target/native").resolve(DEVICE_LIBRARY);
        try {
            Class<?> natives = Class.forName(NativeBuild.DEVICE_NATIVES, false, CLibrary.class.getClassLoader());
            if (Checkout.isStale(library, cRoot, natives)) {
                Path fresh = library.resolveSibling(DEVICE_LIBRARY + "." + ProcessHandle.current().pid() + ".tmp");
                NativeBuild.build(natives, cRoot, NativeBuild.deviceSources(cRoot), fresh);
                Files.move(fresh, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return new CLibrary(library, NativeBuild.directRegisterAccess(NativeBuild.deviceSources(cRoot)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the device's C for the stm32 board", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the device's C", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the device binding is not on the class path", e);
        }
    }

    /** A library built elsewhere (a test's own C). */
    public static CLibrary at(Path file) {
        return new CLibrary(file, List.of());
    }

    /**
     * A fresh copy of the C (fresh globals, as after power-up) in a fresh loader: returns the
     * loader, in which the natives' classes are to be used, and the bridge bound to {@code core}.
     */
    public Loaded load(String boardName, List<String> childFirst, List<Class<?>> anchors, Object core) {
        BoardClassLoader loader = new BoardClassLoader(boardName, childFirst, anchors);
        try {
            Path copy = Files.createTempFile("skvm-" + boardName + "-", ".so");
            copy.toFile().deleteOnExit();
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Class<?> bridge = Class.forName(CBridge.class.getName(), true, loader);
            bridge.getMethod("load", String.class).invoke(null, copy.toString());
            Files.delete(copy); // the process keeps the loaded copy; the file is not needed any more
            CSide c = (CSide) bridge.getDeclaredConstructor().newInstance();
            List<String> registered = c.bind(core);
            return new Loaded(loader, c, registered);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the C library " + file + " for " + boardName, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot load the C library " + file + " for " + boardName + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the bridge for " + boardName, e);
        }
    }

    /** One board's copy: its loader, its bridge and the natives the library registered. */
    public record Loaded(ClassLoader loader, CSide c, List<String> registered) {
    }
}
