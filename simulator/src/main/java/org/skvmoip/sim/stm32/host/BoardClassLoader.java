package org.skvmoip.sim.stm32.host;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.List;

/**
 * One simulated board's class loader: the classes that own the C's state (the natives class, its
 * package's board classes, {@link CBridge}) are defined here again, child-first, so each board
 * binds its own copy of the library; everything else (the org.skvmoip.hal interfaces, the
 * firmware, the simulator) comes from the parent, so the board is an ordinary
 * {@code org.skvmoip.hal.Board} to the firmware.
 */
public final class BoardClassLoader extends URLClassLoader {

    /** What the device's binding owns: its package (natives, board, pins) and the bridge. */
    public static final List<String> DEVICE_BINDING = List.of("org.skvmoip.hal.stm32.", CBridge.class.getName());

    private final List<String> childFirst;

    /**
     * @param childFirst class names, or package prefixes ending in '.', defined in this loader
     * @param anchors    classes whose code sources (jar or classes folder) hold them
     */
    public BoardClassLoader(String name, List<String> childFirst, List<Class<?>> anchors) {
        super(name, urlsOf(anchors), BoardClassLoader.class.getClassLoader());
        this.childFirst = childFirst;
    }

    private static URL[] urlsOf(List<Class<?>> anchors) {
        URL[] urls = new URL[anchors.size()];
        for (int i = 0; i < urls.length; i++) {
            CodeSource source = anchors.get(i).getProtectionDomain().getCodeSource();
            if (source == null) {
                throw new IllegalStateException(anchors.get(i) + " has no code source to load it again from");
            }
            urls[i] = source.getLocation();
        }
        return urls;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isChildFirst(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = findClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private boolean isChildFirst(String name) {
        for (String entry : childFirst) {
            if (entry.endsWith(".") ? name.startsWith(entry) : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
